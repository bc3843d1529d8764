#!/usr/bin/env bash
# Checks an HTML report in a real headless browser and takes a screenshot.
#
#   scripts/check_html.sh REPORT.html [SHOT.png] [WORD]
#
# Uses Debian's chromium (/usr/bin/chromium, or $CHROMIUM); installs
# nothing. Without a browser it says so and exits 0, so that CI without
# one still passes. With one it
#   1. takes a 1400x1800 screenshot of the report (SHOT.png, default
#      REPORT.png beside it) for a person to look at;
#   2. loads REPORT.html?q=WORD (default "fentanyl"), lets the page's own
#      script filter the table, and checks in the rendered DOM that some
#      but not all rows are hidden and that the "showing N" count matches;
#   3. checks that the page asks for nothing outside itself (no src=,
#      no <link>, no @import, no url(http…)).
set -euo pipefail

report=${1:?usage: scripts/check_html.sh REPORT.html [SHOT.png] [WORD]}
shot=${2:-${report%.html}.png}
word=${3:-fentanyl}
browser=${CHROMIUM:-/usr/bin/chromium}

if grep -Eiq '(<script[^>]+src=|<img[^>]+src=|<link[ >]|@import|url\(["'"'"']?https?:)' "$report"; then
    echo "check_html: $report loads something from outside itself" >&2
    exit 1
fi

if [ ! -x "$browser" ]; then
    echo "check_html: skipped: no browser at $browser (apt-get install chromium)"
    exit 0
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update
       --disable-sync "--user-data-dir=$profile" --window-size=1400,1800)

timeout 120 "$browser" "${flags[@]}" "--screenshot=$shot" "$url" \
    >/dev/null 2>&1
[ -s "$shot" ] || { echo "check_html: no screenshot written" >&2; exit 1; }
echo "check_html: screenshot $shot"

timeout 120 "$browser" "${flags[@]}" --dump-dom "$url?q=$word" \
    >"$profile/dom.html" 2>/dev/null
python3 - "$word" "$profile/dom.html" <<'PY'
import re, sys
dom = open(sys.argv[2], encoding="utf-8").read()
body = dom.split('<table id="reports">', 1)[-1].split("</table>", 1)[0]
rows = re.findall(r"<tr id=[^>]*>", body)
hidden = [r for r in rows if "hidden" in r]
shown = re.search(r'<span id="shown">(\d+)</span>', dom)
if not rows:
    sys.exit("check_html: the rendered page has no table rows")
if not shown:
    sys.exit("check_html: the rendered page has no row count")
visible = len(rows) - len(hidden)
if not 0 < visible < len(rows):
    sys.exit(f"check_html: searching {sys.argv[1]!r} left {visible} "
             f"of {len(rows)} rows")
if int(shown.group(1)) != visible:
    sys.exit(f"check_html: count says {shown.group(1)}, {visible} shown")
print(f"check_html: search {sys.argv[1]!r} shows {visible} of "
      f"{len(rows)} rows in the browser")
PY
