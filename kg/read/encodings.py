"""Bytes → text, for plain-text files and saved pages: which encoding, decided soundly or refused.

The order matters:
1. A byte-order mark decides: UTF-8, UTF-16 or UTF-32.
2. Valid UTF-8 is UTF-8: text in a legacy Chinese encoding is almost never valid UTF-8, while
   UTF-8 text often decodes as GB18030 too (into mojibake).
3. An encoding the file declares (a saved page's ``<meta charset>``), if the bytes decode in it.
4. Otherwise charset-normalizer decides. GB18030 and Big5 both decode most Chinese byte strings,
   so validity alone cannot choose; charset-normalizer ranks candidates by how plausible the
   decoded text is (mess and character-frequency coherence per language), which tells GB18030
   from Big5 on every test digest in both scripts. On a line or two it may take GB for Big5, so
   bytes that are valid GB2312 are read as GB18030 (Big5 text almost never is). Its choice is
   taken only when it is a Chinese encoding; anything else (Shift-JIS, EUC-KR, Latin-1, UTF-16
   without a mark) is refused as an unknown encoding rather than read as mojibake.
"""

from __future__ import annotations

import codecs

from kg.errors import InputError

_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Python codecs tried, in order, for each family of names a page or a detector may give; GB18030
# and Big5-HKSCS are supersets of the others in their family.
_CHINESE = {
    "gb": ("gb18030",),
    "big5": ("big5hkscs", "cp950"),
}
_FAMILY = {"gb2312": "gb", "gbk": "gb", "gb18030": "gb", "x-gbk": "gb", "cp936": "gb", "euc-cn": "gb",
           "big5": "big5", "big5hkscs": "big5", "big5-hkscs": "big5", "cp950": "big5", "x-x-big5": "big5"}
# Beyond this share of NUL bytes (and no byte-order mark) a file is binary data, or UTF-16 without a mark.
_MAX_NUL = 0.01


def decode(data: bytes, path: str, declared: str | None = None) -> str:
    """The text of ``data``; InputError naming ``path`` when it is empty, binary or in an encoding
    other than UTF-8/16/32, GB18030 or Big5(-HKSCS)."""
    if not data.strip():
        raise InputError(path, "the file is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"unknown encoding (not valid {codec.upper()} after its byte-order mark,"
                                       f" byte {exc.start})") from exc
    if data.count(b"\x00") > _MAX_NUL * len(data):
        raise InputError(path, "binary, not text (NUL bytes; UTF-16 needs a byte-order mark)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    family = _FAMILY.get((declared or "").lower())
    if family:
        text = _decode_in(data, family)
        if text is not None:
            return text
    return _detect(data, path)


def _decode_in(data: bytes, family: str) -> str | None:
    for codec in _CHINESE[family]:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def _fits_gb2312(data: bytes) -> bool:
    """Whether ``data`` is text in GB2312, the common core of GB18030. On short texts (a line or
    two) the detector may take GB for Big5; but Big5 text is next to never GB2312 as well: its
    second bytes run from 0x40 and its common characters sit where GB2312 has none."""
    try:
        data.decode("gb2312")
    except UnicodeDecodeError:
        return False
    return True


def _detect(data: bytes, path: str) -> str:
    from charset_normalizer import from_bytes

    guesses = [m.encoding for m in from_bytes(data)]
    for guess in guesses:
        if guess.startswith(("utf_16", "utf_32")):
            continue  # without a byte-order mark these are guesses from NUL-free noise
        family = _FAMILY.get(guess.replace("_", "-"))
        if family == "big5" and _fits_gb2312(data):
            family = "gb"
        text = _decode_in(data, family) if family else None
        if text is None:
            looks = f", looks like {guess}" if guess else ""
            raise InputError(path, f"unknown encoding (not UTF-8, GB18030 or Big5{looks})")
        return text
    raise InputError(path, "unknown encoding (binary, or not UTF-8, GB18030 or Big5)")
