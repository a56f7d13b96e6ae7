#!/usr/bin/env bash
# Checks the one-folder bundle: it runs, reads a sample, and opens its window on the samples.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=dist/reviewer/reviewer
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" --version
"$bin" extract dist/reviewer/_internal/resources/samples/002_1e257ee774b91506.txt --json \
  | grep -q '"value": "KOREA THRUNET CO., LTD."'
out=$(QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
      timeout 120 "$bin" gui --db "$tmp/store.db" --quit-after 4000)
echo "$out"
grep -q "window shown" <<<"$out"
"$bin" stats --db "$tmp/store.db" --json | grep -q '"documents": 3'
echo "bundle ok: $(du -sh dist/reviewer | cut -f1) in dist/reviewer"
