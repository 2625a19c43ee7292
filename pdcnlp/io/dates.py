"""Publication dates to ISO 8601, so a ``date`` column sorts and groups.

Scraped pages write dates every way (``2022-01-24 09:41:00``,
``2021年12月31日 10:23``, ``2021/6/4``, ``20210604``, ``2021-06-04T08:00:00+08:00``);
:func:`normalise_date` turns each into ``YYYY-MM-DD`` (plus ``THH:MM`` or
``THH:MM:SS`` when a time is given, plus the offset when one is). A string it
cannot read gives ``None``: the caller keeps the raw string beside it
(``date_raw``), so nothing is lost and nothing is guessed. Implausible
calendar values (month 13, 2月30日) are not dates.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

_FULLWIDTH = str.maketrans("０１２３４５６７８９：－／．", "0123456789:-/.")
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.年]\s*(?P<m>\d{1,2})\s*(?:[-/.月]\s*(?P<d>\d{1,2})(?:\s*日)?)?|(?P<m2>\d{2})(?P<d2>\d{2}))"
    r"(?:(?:\s*T\s*|\s+)(?P<H>\d{1,2})\s*[:时時]\s*(?P<M>\d{2})(?:\s*[:分]\s*(?P<S>\d{2}))?(?:\.\d+)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)


def normalise_date(raw: Optional[str]) -> Optional[str]:
    """ISO 8601 form of the first date in ``raw``, or None (see module docstring)."""
    if raw is None:
        return None
    s = str(raw).translate(_FULLWIDTH).strip()
    if not s:
        return None
    m = _DATE.search(s)
    if not m:
        return None
    y = int(m.group("y"))
    month = m.group("m") or m.group("m2")
    day = m.group("d") or m.group("d2")
    if month is None:
        return None
    mo = int(month)
    if day is None:
        return f"{y:04d}-{mo:02d}" if 1 <= mo <= 12 else None
    try:
        _dt.date(y, mo, int(day))
    except ValueError:
        return None
    out = f"{y:04d}-{mo:02d}-{int(day):02d}"
    if m.group("H") is not None:
        h, mi = int(m.group("H")), int(m.group("M"))
        if h > 23 or mi > 59:
            return out
        out += f"T{h:02d}:{mi:02d}"
        if m.group("S") is not None and int(m.group("S")) < 60:
            out += f":{int(m.group('S')):02d}"
        tz = m.group("tz")
        if tz:
            out += "Z" if tz == "Z" else (tz if ":" in tz else f"{tz[:3]}:{tz[3:]}")
    return out
