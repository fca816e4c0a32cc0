"""Chinese numerals as used in meeting names and numbered lists (五, 十四, 二十一)."""

from __future__ import annotations

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
          "九": 9}
NUMERAL_CHARS = "〇零一二两三四五六七八九十百"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_to_int(s: str) -> int | None:
    """'十四' → 14, '二十一' → 21, '3' → 3, '①' → 1; None when it is not a number."""
    if len(s) == 1 and s in CIRCLED:  # before isdigit(), which is true of ① too
        return CIRCLED.index(s) + 1
    if s.isdigit():
        return int(s) if s.isascii() else None
    if not s or any(ch not in NUMERAL_CHARS for ch in s):
        return None
    total, current = 0, 0
    for ch in s:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = DIGITS[ch]
    return total + current


def int_to_cn(n: int) -> str:
    """14 → '十四', 21 → '二十一', 105 → '一百零五', 110 → '一百一十' (for expanding 十四届 into
    第十四届); the inverse of ``cn_to_int`` for 0–999."""
    names = "零一二三四五六七八九"
    if not 0 <= n < 1000:
        return str(n)
    if n < 10:
        return names[n]
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    if hundreds == 0:
        return ("" if tens == 1 else names[tens]) + "十" + ("" if ones == 0 else names[ones])
    out = names[hundreds] + "百"
    if tens:
        out += names[tens] + "十"
    elif ones:
        out += "零"
    return out + (names[ones] if ones else "")
