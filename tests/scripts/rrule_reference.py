"""The reference for awxm's schedule rules: python-dateutil expands them as AWX does.

Reads a JSON list of {"rrule", "after", "count"} on stdin and prints a JSON list of
{"local": [...], "utc": [...]} (AWX's schedule preview: occurrences strictly after `after`
whose local time exists, ISO 8601) or {"error": "..."}. Like AWX's Schedule.rrulestr: an UNTIL
without Z is read in DTSTART's zone and made UTC; the string is parsed as an rrule set
(forceset) with UTC-like zone names mapped to UTC; DTSTART must be zone-aware.
"""

import datetime
import json
import re
import sys

import dateutil.rrule
from dateutil import tz
from dateutil.tz import datetime_exists, tzutc

UTC_TIMEZONES = {x: tzutc() for x in ("UTC", "GMT", "Z", "utc", "gmt")}


def coerce_naive_until(rrule):
    # DTSTART's zone, then each UNTIL=YYYYMMDD[THHMMSS] without Z read in it.
    m = re.search(r"DTSTART;TZID=([^:]+):", rrule, re.IGNORECASE)
    zone = tz.gettz(m.group(1)) if m else tzutc()

    def fix(match):
        value = match.group(2)
        if value.upper().endswith("Z"):
            return match.group(0)
        fmt = "%Y%m%dT%H%M%S" if "T" in value.upper() else "%Y%m%d"
        naive = datetime.datetime.strptime(value.upper(), fmt)
        utc = naive.replace(tzinfo=zone).astimezone(tzutc())
        return match.group(1) + utc.strftime("%Y%m%dT%H%M%SZ")

    return re.sub(r"(UNTIL=)([0-9TZtz]+)", fix, rrule)


def preview(rule, after, count):
    rs = dateutil.rrule.rrulestr(coerce_naive_until(rule), forceset=True, tzinfos=UTC_TIMEZONES)
    for r in rs._rrule:
        if r._dtstart is None or r._dtstart.tzinfo is None:
            raise ValueError("A valid TZID must be provided (e.g., America/New_York)")
    after = datetime.datetime.fromisoformat(after.replace("Z", "+00:00"))
    local, utc = [], []
    for event in rs.xafter(after, count=count * 3 + 60):
        if not datetime_exists(event):
            continue
        local.append(event.isoformat())
        utc.append(event.astimezone(tzutc()).isoformat())
        if len(local) == count:
            break
    return {"local": local, "utc": utc}


out = []
for case in json.load(sys.stdin):
    try:
        out.append(preview(case["rrule"], case["after"], case["count"]))
    except Exception as e:  # a rule dateutil refuses
        out.append({"error": str(e)})
json.dump(out, sys.stdout)
