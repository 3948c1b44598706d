"""Small widgets the pages share."""
from __future__ import annotations

import datetime as dt

from .session import tr

DATE_MIN, DATE_MAX = dt.date(1975, 1, 1), dt.date(2100, 12, 31)


def optional_date(label_key: str, key: str, col, value=None):
    """A date input that may stay empty, in DD/MM/YYYY."""
    return col.date_input(tr(label_key), value=value, min_value=DATE_MIN, max_value=DATE_MAX, key=key,
                          format="DD/MM/YYYY")
