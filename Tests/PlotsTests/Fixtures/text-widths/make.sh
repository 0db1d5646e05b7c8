#!/usr/bin/env bash
# Makes widths.tsv: each sample of measure.html as Chromium draws it (kerned, which
# TextMetrics leaves out), in the font the plots ask for. Needs chromium and fonts-liberation;
# run by hand when the samples change: Tests/PlotsTests/Fixtures/text-widths/make.sh
set -euo pipefail
cd "$(dirname "$0")"
chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$PWD/measure.html" 2>/dev/null |
  sed -n '/<pre id="out">/,/<\/pre>/p' | sed -e 's/<pre id="out">//' -e 's/<\/pre>.*//' |
  python3 -c 'import html,sys; sys.stdout.write(html.unescape(sys.stdin.read()))' > widths.tsv
echo "widths.tsv: $(wc -l < widths.tsv) lines ($(chromium --version))"
