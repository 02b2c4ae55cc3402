#!/usr/bin/env bash
# The peer for bench/benchmark.py: textlint + textlint-rule-prh, four prh substitution rules,
# over the same folder of .txt reports. Installs both with npm into a temporary folder
# (set FZLINT_PEER_DIR to reuse an installation) and prints textlint_seconds=<wall time>.
#     bash bench/peer_textlint.sh FOLDER
set -euo pipefail
folder=$(cd "$1" && pwd)
peer=${FZLINT_PEER_DIR:-$(mktemp -d)}
cd "$peer"
if [ ! -x node_modules/.bin/textlint ]; then
  npm init -y >/dev/null
  npm install --silent --no-audit --no-fund textlint textlint-rule-prh >/dev/null
fi
cat > prh.yml <<'PRH'
version: 1
rules:
  - expected: 八五普法
    pattern: 七五普法
  - expected: 法治政府
    pattern: 法制政府
  - expected: 执法记录仪
    pattern: 执法纪录仪
  - expected: 依法行政
    pattern: 依法形政
PRH
cat > .textlintrc.json <<'RC'
{ "rules": { "prh": { "rulePaths": ["./prh.yml"] } } }
RC
node_modules/.bin/textlint --version >/dev/null      # warm the disk cache, as fzlint's runs are
start=$(date +%s.%N)
node_modules/.bin/textlint --config .textlintrc.json --format compact "$folder"/*.txt >/dev/null || true
end=$(date +%s.%N)
echo "textlint_seconds=$(echo "$end - $start" | bc -l)"
[ -n "${FZLINT_PEER_DIR:-}" ] || rm -rf "$peer"
