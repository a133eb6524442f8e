import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The export's documents indexed by Java Lucene 8.7 as Elasticsearch 7.10 indexes them (the mapping's analyzers
 * built with Lucene's factories, the headline copied into the body after the text, 100 positions between values, BM25
 * 1.2/0.75), and the request bodies of 'search --elasticsearch' run on them as Elasticsearch builds each query from
 * the DSL. Compares the matches and the first ten hits with NewsSearch's own, read from the queries file.
 *
 * usage: java EsSearch SPEC CONFIGDIR EXPORTDIR QUERIES
 *   QUERIES: one line a search: LABEL \t BODY (one-line JSON) \t NewsSearch's total \t its top ids, comma-separated
 */
public final class EsSearch {
  public static void main(String[] args) throws Exception {
    Map<String, Analyzer> analyzers = analyzers(Paths.get(args[0]), Paths.get(args[1]));
    Map<String, String> fieldAnalyzer = Map.of("body", "news_english", "title", "news_english", "dateline", "news_place", "speaker", "news_name");
    Analyzer perField = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override protected Analyzer getWrappedAnalyzer(String field) { return analyzers.get(fieldAnalyzer.getOrDefault(field, "news_english")); }
      @Override public int getPositionIncrementGap(String field) { return field.equals("body") || field.equals("speaker") ? 100 : 0; }
    };
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(perField))) {
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> bulk = Files.newDirectoryStream(Paths.get(args[2]), "bulk-*.ndjson")) { bulk.forEach(files::add); }
      files.sort(null);
      for (Path file : files) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i += 2) writer.addDocument(document(Json.parse(lines.get(i))));
      }
    }
    IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
    QueryBuilder terms = new QueryBuilder(analyzers.get("news_terms"));
    int queries = 0, sameTotal = 0, sameTop = 0, shown = 0;
    double overlap = 0;
    try (BufferedReader in = Files.newBufferedReader(Paths.get(args[3]), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] parts = line.split("\t", -1);
        Map<String, Object> body = Json.object(Json.parse(parts[1]));
        Query query = query(Json.object(body.get("query")), terms);
        int size = ((Number) body.get("size")).intValue();
        TopDocs top = body.containsKey("sort")
            ? searcher.search(query, Math.max(size, 1), dateSort(body), true)
            : searcher.search(query, Math.max(size, 1));
        int total = searcher.count(query);
        List<String> ids = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) ids.add(searcher.doc(hit.doc).get("id"));
        List<String> expected = parts[3].isEmpty() ? List.of() : List.of(parts[3].split(","));
        queries++;
        boolean totalsAgree = total == Integer.parseInt(parts[2]);
        if (totalsAgree) sameTotal++;
        if (ids.equals(expected)) sameTop++;
        Set<String> common = new HashSet<>(ids);
        common.retainAll(new HashSet<>(expected));
        overlap += expected.isEmpty() && ids.isEmpty() ? 1.0 : (double) common.size() / Math.max(1, Math.max(ids.size(), expected.size()));
        if (!totalsAgree && shown++ < 5) System.out.println("  matches differ: " + parts[0] + ": NewsSearch " + parts[2] + ", Lucene 8.7 " + total);
      }
    }
    System.out.printf("%d searches: the same number of matches for %d (%.1f %%); the same first ten in the same order for %d (%.1f %%); mean overlap of the first ten %.3f%n",
        queries, sameTotal, 100.0 * sameTotal / queries, sameTop, 100.0 * sameTop / queries, overlap / queries);
  }

  /** An exported article as Elasticsearch indexes it for the mapping (the nested quotations are left out: article searches never see them). */
  static Document document(Object json) {
    Map<String, Object> source = Json.object(json);
    Document doc = new Document();
    doc.add(new StringField("id", (String) source.get("id"), Field.Store.YES));
    if (source.get("date") instanceof String date) {
      int day = Integer.parseInt(date.replace("-", ""));
      doc.add(new IntPoint("date", day));
      doc.add(new NumericDocValuesField("date", day));
    }
    doc.add(new TextField("dateline", (String) source.get("dateline"), Field.Store.NO));
    if (source.get("dateline_key") instanceof String key) doc.add(new StringField("dateline_key", key, Field.Store.NO));
    // copy_to: the headline is indexed into the body after the body's own value.
    if (source.get("body") instanceof String body) doc.add(new TextField("body", body, Field.Store.NO));
    if (source.get("title") instanceof String title) {
      doc.add(new TextField("title", title, Field.Store.NO));
      doc.add(new TextField("body", title, Field.Store.NO));
    }
    for (Object speaker : Json.array(source.get("speaker"))) doc.add(new TextField("speaker", (String) speaker, Field.Store.NO));
    return doc;
  }

  /** A DSL query as Elasticsearch builds it: the kinds 'search --elasticsearch' writes. */
  static Query query(Map<String, Object> dsl, QueryBuilder terms) {
    Map.Entry<String, Object> kind = dsl.entrySet().iterator().next();
    Map<String, Object> value = Json.object(kind.getValue());
    Query query;
    switch (kind.getKey()) {
      case "bool": {
        BooleanQuery.Builder bool = new BooleanQuery.Builder();
        boolean positive = false;
        for (String[] occur : new String[][] {{"must", "MUST"}, {"should", "SHOULD"}, {"must_not", "MUST_NOT"}, {"filter", "FILTER"}}) {
          Object clauses = value.get(occur[0]);
          if (clauses == null) continue;
          for (Object clause : clauses instanceof List ? Json.array(clauses) : List.of(clauses)) {
            bool.add(query(Json.object(clause), terms), Occur.valueOf(occur[1]));
            positive |= !occur[0].equals("must_not");
          }
        }
        // A bool of exclusions alone matches every other document.
        if (!positive) bool.add(new MatchAllDocsQuery(), Occur.MUST);
        if (value.get("minimum_should_match") instanceof Number minimum) bool.setMinimumNumberShouldMatch(minimum.intValue());
        query = bool.build();
        break;
      }
      case "match_all": query = new MatchAllDocsQuery(); break;
      case "match_none": query = new MatchNoDocsQuery(); break;
      default: {
        String field = value.keySet().iterator().next();
        Map<String, Object> p = Json.object(value.get(field));
        switch (kind.getKey()) {
          case "term": query = new TermQuery(new Term(field, (String) p.get("value"))); break;
          case "prefix": query = new PrefixQuery(new Term(field, (String) p.get("value"))); break;
          case "wildcard": query = new WildcardQuery(new Term(field, (String) p.get("value"))); break;
          case "fuzzy": query = new FuzzyQuery(new Term(field, (String) p.get("value")), ((Number) p.get("fuzziness")).intValue(),
              ((Number) p.get("prefix_length")).intValue(), 50, (Boolean) p.get("transpositions")); break;
          case "match_phrase": {
            if (!"news_terms".equals(p.get("analyzer"))) throw new IllegalArgumentException("match_phrase without the terms analyzer");
            int slop = p.get("slop") instanceof Number n ? n.intValue() : 0;
            query = terms.createPhraseQuery(field, (String) p.get("query"), slop);
            break;
          }
          case "range": {
            if (field.equals("date")) {
              int lower = p.containsKey("gte") ? day(p.get("gte")) : p.containsKey("gt") ? day(p.get("gt")) + 1 : Integer.MIN_VALUE;
              int upper = p.containsKey("lte") ? day(p.get("lte")) : p.containsKey("lt") ? day(p.get("lt")) - 1 : Integer.MAX_VALUE;
              query = IntPoint.newRangeQuery("date", lower, upper);
            } else {
              query = TermRangeQuery.newStringRange(field,
                  (String) (p.containsKey("gte") ? p.get("gte") : p.get("gt")), (String) (p.containsKey("lte") ? p.get("lte") : p.get("lt")),
                  p.containsKey("gte"), p.containsKey("lte"));
            }
            break;
          }
          default: throw new IllegalArgumentException("query kind " + kind.getKey());
        }
        if (p.get("boost") instanceof Number boost) query = new BoostQuery(query, boost.floatValue());
        return query;
      }
    }
    if (value.get("boost") instanceof Number boost) query = new BoostQuery(query, boost.floatValue());
    return query;
  }

  static int day(Object date) { return Integer.parseInt(((String) date).replace("-", "")); }

  /** A sort on the date, undated articles last in both orders, then the score. */
  static Sort dateSort(Map<String, Object> body) {
    Map<String, Object> date = Json.object(Json.object(Json.array(body.get("sort")).get(0)).get("date"));
    boolean descending = "desc".equals(date.get("order"));
    SortField byDate = new SortField("date", SortField.Type.INT, descending);
    byDate.setMissingValue(descending ? Integer.MIN_VALUE : Integer.MAX_VALUE);
    return new Sort(byDate, SortField.FIELD_SCORE);
  }

  /** The analyzers of the spec export_check.py writes from mapping.json. */
  static Map<String, Analyzer> analyzers(Path spec, Path config) throws Exception {
    Map<String, CustomAnalyzer.Builder> builders = new LinkedHashMap<>();
    for (String line : Files.readAllLines(spec, StandardCharsets.UTF_8)) {
      String[] parts = line.split("\t");
      CustomAnalyzer.Builder builder = builders.computeIfAbsent(parts[0], name -> CustomAnalyzer.builder(config));
      Map<String, String> params = new HashMap<>();
      for (int i = 3; i < parts.length; i++) params.put(parts[i].substring(0, parts[i].indexOf('=')), parts[i].substring(parts[i].indexOf('=') + 1));
      if (parts[1].equals("tokenizer")) builder.withTokenizer(parts[2], params); else builder.addTokenFilter(parts[2], params);
    }
    Map<String, Analyzer> analyzers = new HashMap<>();
    for (Map.Entry<String, CustomAnalyzer.Builder> e : builders.entrySet()) analyzers.put(e.getKey(), e.getValue().build());
    return analyzers;
  }

  /** Just enough JSON: objects, arrays, strings, numbers, true, false, null. */
  static final class Json {
    private final String text;
    private int at;

    private Json(String text) { this.text = text; }

    static Object parse(String text) { Json json = new Json(text); Object value = json.value(); json.space(); if (json.at != text.length()) throw json.error(); return value; }

    @SuppressWarnings("unchecked") static Map<String, Object> object(Object value) { return (Map<String, Object>) value; }

    @SuppressWarnings("unchecked") static List<Object> array(Object value) { return value == null ? List.of() : (List<Object>) value; }

    private Object value() {
      space();
      char c = text.charAt(at);
      if (c == '{') {
        Map<String, Object> map = new LinkedHashMap<>();
        at++; space();
        if (text.charAt(at) == '}') { at++; return map; }
        while (true) {
          space(); String key = string(); space(); expect(':'); map.put(key, value()); space();
          if (text.charAt(at) == ',') { at++; continue; }
          expect('}'); return map;
        }
      }
      if (c == '[') {
        List<Object> list = new ArrayList<>();
        at++; space();
        if (text.charAt(at) == ']') { at++; return list; }
        while (true) {
          list.add(value()); space();
          if (text.charAt(at) == ',') { at++; continue; }
          expect(']'); return list;
        }
      }
      if (c == '"') return string();
      if (text.startsWith("true", at)) { at += 4; return Boolean.TRUE; }
      if (text.startsWith("false", at)) { at += 5; return Boolean.FALSE; }
      if (text.startsWith("null", at)) { at += 4; return null; }
      int start = at;
      while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) at++;
      if (start == at) throw error();
      return Double.parseDouble(text.substring(start, at));
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = text.charAt(at++);
        if (c == '"') return out.toString();
        if (c != '\\') { out.append(c); continue; }
        char e = text.charAt(at++);
        switch (e) {
          case 'n': out.append('\n'); break;
          case 't': out.append('\t'); break;
          case 'r': out.append('\r'); break;
          case 'b': out.append('\b'); break;
          case 'f': out.append('\f'); break;
          case 'u': out.append((char) Integer.parseInt(text.substring(at, at + 4), 16)); at += 4; break;
          default: out.append(e);
        }
      }
    }

    private void space() { while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++; }

    private void expect(char c) { if (text.charAt(at) != c) throw error(); at++; }

    private IllegalArgumentException error() { return new IllegalArgumentException("bad JSON at " + at); }
  }
}
