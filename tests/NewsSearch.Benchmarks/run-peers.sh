#!/usr/bin/env bash
# NewsSearch beside Java Lucene 8 and 4.10, Xapian, SQLite FTS5 (and ripgrep on the small corpus) in one run of
# the shared peer benchmark (../shared/bench/peers), on Reuters-21578 and on copies of it scaled to 200,000 and
# 1,000,000 articles. Writes each run's table to tests/NewsSearch.Benchmarks/results/DATE-SIZE.md.
#
#   tests/NewsSearch.Benchmarks/run-peers.sh [reuters] [200k] [1m]      (default: all three, about 40 minutes)
#   ENGINES_1M="lucene8 lucene410" ...   leaves the slow peers (Xapian, FTS5: 15 minutes) out of the 1M run
#
# Three NewsSearch configurations take part (builds run as the native console does, queries on the JIT runtime as a
# process hosting the library does; see peer-adapter):
#   newssearch           what `newssearch index` and `newssearch search` do: extraction on, the default ranking
#   newssearch_bm25      the peers' work: no quotation/speaker extraction, plain BM25 (the like-for-like figures)
#   newssearch_bm25_jit  the same, built on the JIT runtime (as `dotnet run` or the library in a process would)
# SCRATCH (default /tmp/newssearch-peers) holds the scaled corpora, made once with the peers' scale.py.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
peers="${PEERS:-$(cd "$repo/../shared/bench/peers" && pwd)}"
corpora="$(cd "$repo/../shared/corpora" && pwd)"
scratch="${SCRATCH:-/tmp/newssearch-peers}"
results="$here/results"
mkdir -p "$scratch" "$results"
adapter="$here/peer-adapter"
export EXTRA_ENGINES="newssearch=$adapter;newssearch_bm25=env NEWSSEARCH_EXTRACT=0 NEWSSEARCH_RANKING=bm25 $adapter;newssearch_bm25_jit=env NEWSSEARCH_BUILD=jit NEWSSEARCH_EXTRACT=0 NEWSSEARCH_RANKING=bm25 $adapter"
reuters="$corpora/reuters21578/reuters21578.jsonl.gz"

"$adapter" prepare

run() {  # NAME CORPUS QUERIES [VAR=VALUE ...]
  local name="$1" corpus="$2" queries="$3"; shift 3
  local work; work="$(mktemp -d "$scratch/run-$name.XXXX")"
  (cd "$peers" && env "$@" WORK="$work" ./run.sh "$corpus" "$queries" >/dev/null)
  cp "$work/table.md" "$results/$(date -u +%Y-%m-%d)-$name.md"
  echo "== $name: $results/$(date -u +%Y-%m-%d)-$name.md" >&2
  cat "$work/table.md"
}

scaled() {  # DOCS -> path of the scaled corpus, made once
  local out="$scratch/reuters-$1.jsonl.gz"
  # Written under another name and renamed, so an interrupted run never leaves a short corpus behind.
  [ -s "$out" ] || { python3 "$peers/scale.py" "$reuters" "$out.part.jsonl.gz" --docs "$1" >&2 && mv "$out.part.jsonl.gz" "$out"; }
  echo "$out"
}

for size in "${@:-reuters 200k 1m}"; do
  for s in $size; do
    case "$s" in
      reuters) run reuters "$reuters" queries/reuters21578.txt ;;
      200k) run 200k "$(scaled 200000)" queries/reuters21578-200k.txt ENGINES="lucene8 lucene410 xapian sqlite_fts5" ;;
      1m) run 1m "$(scaled 1000000)" queries/reuters21578-1m.txt ENGINES="${ENGINES_1M:-lucene8 lucene410 xapian sqlite_fts5}" REPEATS=5 WARMUP=5 ;;
      *) echo "run-peers.sh: unknown size '$s' (reuters, 200k, 1m)" >&2; exit 2 ;;
    esac
  done
done
