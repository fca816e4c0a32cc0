"""A record as JSON, byte for byte what ``json.dumps(record, ensure_ascii=False, indent=1)`` gives
(the layout of records.json and of ``kg extract``), about three times faster.

Why: with an indent, the standard library encodes in Python through nested generators (its C
encoder takes no indent before Python 3.14); that was 15% of a build worker's time per document.
This walks the record once, appending to a list; strings go through the standard library's C
string encoder. Anything but dicts with string keys, lists, strings, numbers, booleans and None is
handed to ``json.dumps`` whole, so the result is the same in every case.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring

_FLOATS = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


class _Unusual(Exception):
    """A value this encoder leaves to json.dumps."""


def record_json(value: object) -> str:
    out: list[str] = []
    try:
        _encode(value, out, "\n")
    except _Unusual:
        return json.dumps(value, ensure_ascii=False, indent=1)
    return "".join(out)


def _encode(value: object, out: list[str], newline: str) -> None:
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + " "
        lead = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            out.append(lead + encode_basestring(key) + ": ")
            _encode(item, out, inner)
            lead = "," + inner
        out.append(newline + "}")
    elif kind is list:
        if not value:
            out.append("[]")
            return
        inner = newline + " "
        lead = "[" + inner
        for item in value:
            out.append(lead)
            _encode(item, out, inner)
            lead = "," + inner
        out.append(newline + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float:
        out.append(_FLOATS.get(value, "NaN") if value != value or value in _FLOATS else float.__repr__(value))
    else:
        raise _Unusual
