#!/usr/bin/env bash
# The TIME baseline of issue 7, re-run: Java Lucene 8 through the peers' adapter (EnglishAnalyzer, BM25 k1=1.2
# b=0.75, the words of each query ORed), 1,000 results a query, written as a TREC run that
# `newssearch eval relevance --against RUN` measures and compares with NewsSearch's ranking, query by query.
#
#   tests/NewsSearch.Benchmarks/time-baseline.sh [RUN]      (default RUN: /tmp/newssearch-time-lucene8.run)
#
# Needs the peers installed (../shared/bench/peers/install_peers.sh: Java and liblucene8-java).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
peers="${PEERS:-$(cd "$repo/../shared/bench/peers" && pwd)}"
time_dir="$(cd "$repo/../shared/corpora/time" && pwd)"
run="${1:-/tmp/newssearch-time-lucene8.run}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The adapter's query lines are 'terms: WORDS'; Lucene's QueryBuilder analyses the words as the index was analysed.
cut -f2 "$time_dir/time.queries.tsv" | sed 's/^/terms: /' > "$work/queries.txt"
"$peers/engines/lucene8" build "$time_dir/time.jsonl.gz" "$work/index" > /dev/null
"$peers/engines/lucene8" query "$work/index" "$work/queries.txt" 1000 1 0 > "$work/results.jsonl"

# One JSON line per query, in file order, with the ids best first; no scores, so the rank stands in for one.
python3 - "$time_dir/time.queries.tsv" "$work/results.jsonl" "$run" <<'PY'
import json, sys
ids = [line.split("\t", 1)[0] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
with open(sys.argv[3], "w", encoding="utf-8") as out:
    for line in open(sys.argv[2], encoding="utf-8"):
        row = json.loads(line)
        if "i" not in row:
            continue
        for rank, doc in enumerate(row["ids"], start=1):
            out.write(f"{ids[row['i']]} Q0 {doc} {rank} {1000 - rank + 1} lucene8\n")
PY
echo "$run"
