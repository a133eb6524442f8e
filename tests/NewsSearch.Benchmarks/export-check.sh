#!/usr/bin/env bash
# Checks the export for Elasticsearch and OpenSearch beyond what the tests can (no engine runs here):
#  1. the analysis: every body, headline, dateline, speaker and quotation of the exported corpus is analysed by the
#     engine and by Java Lucene 8.7 (the Lucene of Elasticsearch 7.10 and of OpenSearch 1) built from mapping.json
#     with Lucene's own factories, and the tokens compared (term, position step, offsets);
#  2. the searches: the export indexed by Java Lucene 8.7 as Elasticsearch indexes it, and the request bodies of
#     'search --elasticsearch' for the peers' queries and a set using the rest of the syntax run as Elasticsearch
#     builds them; the matches and first ten hits compared with NewsSearch's own (plain BM25);
#  3. the load script: load.sh runs against a stand-in for the index, alias and bulk APIs that creates each index from
#     mapping.json, checks every document against the strict mapping and counts them, then loads again and once more
#     with a broken document.
#
#   tests/NewsSearch.Benchmarks/export-check.sh [CORPUS]     (default: Reuters-21578 from ../shared, else ./seeds)
#
# Needs Java and Lucene 8 (../shared/bench/peers/install_peers.sh installs them), python3 and curl.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
corpus="${1:-$repo/../shared/corpora/reuters21578/reuters21578.jsonl.gz}"
[ -e "$corpus" ] || corpus="$repo/seeds"
# The peers' Reuters queries (their words are Reuters', but any corpus answers them).
queries="${QUERIES:-$repo/../shared/bench/peers/queries/reuters21578.txt}"
jars="${LUCENE8_JARS:-/usr/share/java}"
work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

dotnet build "$repo/src/NewsSearch.Cli" -c Release --nologo -v quiet >/dev/null
dotnet build "$here" -c Release --nologo -v quiet -o "$work/bench" >/dev/null
cli="$repo/src/NewsSearch.Cli/bin/Release/net10.0/newssearch"
"$cli" index --index "$work/index" "$corpus" >/dev/null 2>&1 || [ $? -eq 1 ]
"$cli" export --index "$work/index" "$work/export"

echo "== analysis: the engine against Java Lucene $(basename "$(ls "$jars"/lucene-core-8*.jar | sort | tail -n 1)" .jar | sed 's/lucene-core-//') on the export's mapping"
cp="$(ls "$jars"/lucene-core-8*.jar | sort | tail -n 1):$(ls "$jars"/lucene-analyzers-common-8*.jar | sort | tail -n 1)"
mkdir -p "$work/java" "$work/spec" "$work/texts"
javac -nowarn -d "$work/java" -cp "$cp" "$here/java/EsAnalysis.java" "$here/java/EsSearch.java"
python3 "$here/export_check.py" spec "$work/export/mapping.json" "$work/spec"
python3 "$here/export_check.py" texts "$work/export" "$work/texts"
analyzer_of() {  # FIELD -> the mapping's analyzer name
  python3 -c "import json,sys; m=json.load(open(sys.argv[1]))['mappings']['properties']; f=sys.argv[2]; print((m['quotations']['properties']['text'] if f=='quotation' else m[f])['analyzer'])" "$work/export/mapping.json" "$1"
}
for field in body title dateline speaker quotation; do
  [ -s "$work/texts/$field.b64" ] || continue
  engine_field="$field"; [ "$field" = quotation ] && engine_field=quote
  dotnet "$work/bench/NewsSearch.Benchmarks.dll" analysis-tokens "$engine_field" < "$work/texts/$field.b64" > "$work/$field.engine"
  java -cp "$work/java:$cp" EsAnalysis "$work/spec/spec.tsv" "$work/spec" "$(analyzer_of "$field")" < "$work/texts/$field.b64" > "$work/$field.java"
  python3 "$here/export_check.py" compare "$field" "$work/$field.engine" "$work/$field.java"
done

# The search-time analyzer of 'search --elasticsearch' phrases: analysed words at spaces, the gap word's position left empty.
terms="$(printf 'bank __gap__ england u.s' | base64 | java -cp "$work/java:$cp" EsAnalysis "$work/spec/spec.tsv" "$work/spec" news_terms)"
[ "$terms" = "bank|1|0-4 england|2|13-20 u.s|1|21-24" ] && echo "news_terms   as the engine's phrases expect: $terms" \
  || { echo "export-check: news_terms gives '$terms'" >&2; exit 1; }

echo "== searches: the export indexed by Java Lucene 8.7 as Elasticsearch indexes it, the bodies of search --elasticsearch run as it builds them"
dotnet "$work/bench/NewsSearch.Benchmarks.dll" es-queries "$work/index" "$queries" > "$work/searches.tsv"
java -cp "$work/java:$cp" EsSearch "$work/spec/spec.tsv" "$work/spec" "$work/export" "$work/searches.tsv"

echo "== load.sh against a stand-in for the index, alias and bulk APIs"
port=$((20000 + RANDOM % 20000))
python3 "$here/export_check.py" serve "$port" "$work/state" &
server=$!
sleep 1
state() { python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print('alias news ->', s['aliases'].get('news'), '| indices (documents, quotations):', s['indices'])" "$work/state"; }
"$work/export/load.sh" "http://127.0.0.1:$port" | tail -n 1
state
sleep 1  # the next load's index is named by the second
"$work/export/load.sh" "http://127.0.0.1:$port" | tail -n 2
state
# A load that fails half way: the alias must still name the complete index, and the partial one must be gone.
cp -r "$work/export" "$work/broken"
sed -i '2s/"id":/"not_in_the_mapping":1,"id":/' "$work/broken/$(ls "$work/broken" | grep '^bulk-' | tail -n 1)"
sleep 1
if "$work/broken/load.sh" "http://127.0.0.1:$port" > "$work/broken.out" 2>&1; then
  echo "export-check: a load with a bad document succeeded" >&2; exit 1
fi
grep -E '^load.sh:' "$work/broken.out" | cut -c1-150
state
