"""Helpers of export-check.sh (no third-party modules).

  export_check.py spec MAPPING.json OUTDIR        analyzers of the mapping as Java Lucene factory steps (spec.tsv)
  export_check.py texts EXPORTDIR OUTDIR          the export's values per field, base64 a line (FIELD.b64)
  export_check.py compare FIELD ENGINE.txt JAVA.txt   token agreement, with the first differences
  export_check.py serve PORT STATEFILE            a stand-in for the index, alias and bulk APIs that checks what load.sh sends
"""
import base64, glob, json, os, sys
from http.server import BaseHTTPRequestHandler, HTTPServer

# Elasticsearch's built-in filter types and the Lucene factories (SPI names) that implement them.
BUILT_IN = {"lowercase": "lowercase", "asciifolding": "asciiFolding", "porter_stem": "porterStem"}


def spec(mapping_path, out):
    analysis = json.load(open(mapping_path, encoding="utf-8"))["settings"]["analysis"]
    filters = analysis["filter"]
    lines = []
    for name, analyzer in analysis["analyzer"].items():
        assert analyzer["type"] == "custom" and analyzer["tokenizer"] in ("standard", "whitespace"), name
        lines.append([name, "tokenizer", analyzer["tokenizer"]])
        for f in analyzer["filter"]:
            if f in BUILT_IN:
                lines.append([name, "filter", BUILT_IN[f]])
                continue
            d = filters[f]
            if d["type"] == "stemmer" and d["language"] == "possessive_english":
                lines.append([name, "filter", "englishPossessive"])
            elif d["type"] == "stop":
                words = f + ".txt"
                with open(os.path.join(out, words), "w", encoding="utf-8") as w:
                    w.write("\n".join(d["stopwords"]) + "\n")
                lines.append([name, "filter", "stop", "words=" + words, "ignoreCase=" + str(d.get("ignore_case", False)).lower()])
            elif d["type"] == "pattern_replace":
                lines.append([name, "filter", "patternReplace", "pattern=" + d["pattern"], "replacement=" + d["replacement"],
                              "replace=" + ("all" if d.get("all", True) else "first")])
            else:
                sys.exit(f"export_check.py: filter type {d['type']} has no Lucene factory here")
    with open(os.path.join(out, "spec.tsv"), "w", encoding="utf-8") as s:
        s.write("".join("\t".join(l) + "\n" for l in lines))


def texts(export, out):
    values = {"body": [], "title": [], "dateline": [], "speaker": [], "quotation": []}
    seen = {k: set() for k in values}
    for path in sorted(glob.glob(os.path.join(export, "bulk-*.ndjson"))):
        with open(path, encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i % 2 == 0:
                    continue
                doc = json.loads(line)
                found = [("body", doc.get("body")), ("title", doc.get("title")), ("dateline", doc.get("dateline"))]
                found += [("speaker", s) for s in doc.get("speaker", [])]
                found += [("quotation", q["text"]) for q in doc.get("quotations", [])]
                for field, value in found:
                    if value and value not in seen[field]:
                        seen[field].add(value)
                        values[field].append(value)
    for field, vs in values.items():
        with open(os.path.join(out, field + ".b64"), "w", encoding="ascii") as w:
            for v in vs:
                w.write(base64.b64encode(v.encode("utf-8")).decode("ascii") + "\n")
        print(f"{field}: {len(vs)} distinct values")


def compare(field, engine_path, java_path):
    engine = open(engine_path, encoding="utf-8").read().split("\n")
    java = open(java_path, encoding="utf-8").read().split("\n")
    assert len(engine) == len(java), (len(engine), len(java))
    texts = tokens = same_texts = same_tokens = 0
    shown = 0
    for a, b in zip(engine, java):
        if a == "" and b == "":
            continue
        texts += 1
        ta, tb = a.split(" ") if a else [], b.split(" ") if b else []
        tokens += max(len(ta), len(tb))
        same_tokens += sum(1 for x, y in zip(ta, tb) if x == y)
        if a == b:
            same_texts += 1
        elif shown < 3:
            first = next(i for i in range(max(len(ta), len(tb))) if i >= min(len(ta), len(tb)) or ta[i] != tb[i])
            print(f"  {field}: engine {ta[first:first + 3]} / Lucene 8.7 {tb[first:first + 3]}")
            shown += 1
    share = lambda n, d: f"{100.0 * n / d:.3f} %" if d else "n/a"
    print(f"{field:10} {texts:7} texts, identical {share(same_texts, texts):>9}; {tokens:9} tokens, identical {share(same_tokens, tokens):>9}")


def serve(port, state_file):
    """Index, alias, settings and bulk APIs as load.sh uses them, in memory; the state is written after each change."""
    indices, aliases = {}, {}

    def save():
        with open(state_file, "w") as f:
            json.dump({"aliases": {a: sorted(i) for a, i in aliases.items()},
                       "indices": {n: [i["documents"], i["quotations"]] for n, i in indices.items()}}, f, sort_keys=True)

    def declared(doc, mapping, where):
        props = mapping["properties"]
        for key, value in doc.items():
            if key not in props:
                raise ValueError(f"{where}: field {key} is not in the strict mapping")
            kind = props[key].get("type", "object")
            if kind == "nested":
                for item in value:
                    declared(item, props[key], where + "." + key)
            elif kind == "date" and not (isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-"):
                raise ValueError(f"{where}: {key} {value!r} is not yyyy-MM-dd")
            elif kind == "integer" and not isinstance(value, int):
                raise ValueError(f"{where}: {key} {value!r} is not an integer")
            elif kind in ("text", "keyword") and not (isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))):
                raise ValueError(f"{where}: {key} {value!r} is not a string")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, status, body=None):
            data = b"" if body is None else json.dumps(body, separators=(",", ":")).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def body(self):
            return self.rfile.read(int(self.headers.get("Content-Length", 0)))

        def parts(self):
            return self.path.split("?")[0].strip("/").split("/")

        def do_HEAD(self):
            name = self.parts()[0]
            self.reply(200 if name in indices or name in aliases else 404)

        def do_GET(self):
            p = self.parts()
            if p[0] == "_alias" and p[1] in aliases:
                return self.reply(200, {i: {"aliases": {p[1]: {}}} for i in sorted(aliases[p[1]])})
            self.reply(404, {"error": "not found"})

        def do_PUT(self):
            p = self.parts()
            if len(p) == 1:
                if p[0] in indices or p[0] in aliases:
                    return self.reply(400, {"error": "resource_already_exists_exception"})
                created = json.loads(self.body())
                assert "analysis" in created["settings"] and created["mappings"]["dynamic"] == "strict"
                indices[p[0]] = {"mapping": created["mappings"], "documents": 0, "quotations": 0}
                save()
                return self.reply(200, {"acknowledged": True, "index": p[0]})
            if len(p) == 2 and p[1] == "_settings" and p[0] in indices:
                json.loads(self.body())
                return self.reply(200, {"acknowledged": True})
            self.reply(404, {"error": "not found"})

        def do_DELETE(self):
            name = self.parts()[0]
            if name not in indices:
                return self.reply(404, {"error": "index_not_found_exception"})
            del indices[name]
            for members in aliases.values():
                members.discard(name)
            save()
            self.reply(200, {"acknowledged": True})

        def do_POST(self):
            p = self.parts()
            if p == ["_aliases"]:
                actions = json.loads(self.body())["actions"]
                for action in actions:  # all or nothing, as the engines do
                    (kind, spec), = action.items()
                    if spec["index"] not in indices:
                        return self.reply(404, {"error": "index_not_found_exception"})
                for action in actions:
                    (kind, spec), = action.items()
                    members = aliases.setdefault(spec["alias"], set())
                    (members.add if kind == "add" else members.discard)(spec["index"])
                save()
                return self.reply(200, {"acknowledged": True})
            if len(p) == 2 and p[1] == "_refresh" and p[0] in indices:
                return self.reply(200, {"_shards": {"failed": 0}})
            if len(p) != 2 or p[1] != "_bulk" or p[0] not in indices or self.headers.get("Content-Type") != "application/x-ndjson":
                return self.reply(400, {"error": "expected application/x-ndjson to /INDEX/_bulk"})
            index = indices[p[0]]
            lines = self.body().decode("utf-8").split("\n")
            if lines[-1] != "":
                return self.reply(400, {"error": "the bulk request must end with a newline"})
            errors = []
            for i in range(0, len(lines) - 1, 2):
                action = json.loads(lines[i])["index"]
                doc = json.loads(lines[i + 1])
                try:
                    if action.get("_index", p[0]) != p[0]:
                        raise ValueError(f"action names index {action['_index']}")
                    declared(doc, index["mapping"], action["_id"])
                    index["documents"] += 1
                    index["quotations"] += len(doc.get("quotations", []))
                except (ValueError, KeyError) as e:
                    errors.append({"index": {"error": str(e)}})
            save()
            body = {"errors": bool(errors)}
            if errors:
                body["items"] = errors[:5]
            self.reply(200, body)

    HTTPServer(("127.0.0.1", int(port)), Handler).serve_forever()


if __name__ == "__main__":
    {"spec": spec, "texts": texts, "compare": compare, "serve": serve}[sys.argv[1]](*sys.argv[2:])
