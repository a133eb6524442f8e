#!/usr/bin/env bash
# Checks that the native (AOT) console answers as the JIT console does: publishes it, indexes the same articles with
# both (one thread each, so documents keep the same order and ties the same rank), runs the same commands and diffs
# what they print. Trimming and ahead-of-time compilation fail at run time, where reflection finds nothing, so this is
# run after changes to the console's build or to code that reflects.
#
#   tests/NewsSearch.Benchmarks/aot-check.sh [CORPUS]     (default: Reuters-21578 from ../shared, else ./seeds)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
corpus="${1:-$repo/../shared/corpora/reuters21578/reuters21578.jsonl.gz}"
[ -e "$corpus" ] || corpus="$repo/seeds"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/src/NewsSearch.Cli" -c Release --nologo -v quiet >/dev/null
dotnet publish "$repo/src/NewsSearch.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" \
  --artifacts-path "$work/aot.build" --nologo -v quiet >/dev/null
declare -A program=([jit]="$repo/src/NewsSearch.Cli/bin/Release/net10.0/newssearch" [aot]="$work/aot/newssearch")

for build in jit aot; do
  p="${program[$build]}"
  out="$work/$build.txt"
  rm -rf "$work/index"
  # Exit status 1 is a rejected record (Reuters has one without text); the rest is indexed.
  "$p" index --threads 1 --index "$work/index" "$corpus" >"$out" 2>&1 || [ $? -eq 1 ]
  sed -i -E 's/\([0-9.]+ s\)//' "$out"  # the run's duration
  while IFS= read -r command; do
    echo "== $command" >>"$out"
    eval "\"$p\" $command --index \"$work/index\"" >>"$out" 2>&1 || echo "exit status $?" >>"$out"
  done <<'COMMANDS'
search cocoa --counts
search '"oil prices"' --json --explain --limit 5
search 'oil AND (iran OR iraq)' --sort date --limit 3
search cocoa --from 1987-04-01 --to 1987-04-30 --limit 2
search '"invisible hand"'
quotes --limit 5
quotes --speaker reagan --limit 3 --json
stats
stats --json
search '"oil prices" OR crude~1 date:1987-03' --speaker reagan --sort -date --counts --elasticsearch
quotes 'oil AND speaker:reagan' --from 1987-03 --elasticsearch
COMMANDS
  # The export writes files: the same bytes from both builds, and the same summary.
  echo "== export" >>"$out"
  "$p" export "$work/export" --index "$work/index" --json >>"$out" 2>&1 || echo "exit status $?" >>"$out"
  (cd "$work/export" && sha256sum mapping.json bulk-*.ndjson load.sh) >>"$out"
  # Durations printed by the commands differ from run to run.
  sed -i -E 's/[0-9]+ ms\b/N ms/g; s/"seconds": [0-9.]+/"seconds": N/; s/"took_ms": [0-9.]+/"took_ms": N/' "$out"
done

if diff -u "$work/jit.txt" "$work/aot.txt"; then
  echo "aot-check: the native console printed the same as the JIT console ($(grep -c '^== ' "$work/aot.txt") commands on $corpus)"
else
  echo "aot-check: the outputs differ (above)" >&2
  exit 1
fi
