import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * One analyzer of the export's mapping built with Java Lucene's own factories, as Elasticsearch and OpenSearch build
 * it (EsSearch.analyzers), and the tokens it makes of texts read from standard input (one base64 UTF-8 text a line), printed as the
 * benchmark's analysis-tokens command prints the engine's. The spec file, written by export-check.sh from
 * mapping.json, has a line per step: "ANALYZER tokenizer NAME" or "ANALYZER filter NAME [KEY=VALUE...]".
 *
 * usage: java EsAnalysis SPEC CONFIGDIR ANALYZER < TEXTS.b64
 */
public final class EsAnalysis {
  public static void main(String[] args) throws Exception {
    Analyzer analyzer = EsSearch.analyzers(Paths.get(args[0]), Paths.get(args[1])).get(args[2]);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String text = new String(Base64.getDecoder().decode(line), StandardCharsets.UTF_8);
      List<String> tokens = new ArrayList<>();
      try (TokenStream stream = analyzer.tokenStream("field", text)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
        OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          tokens.add(term + "|" + increment.getPositionIncrement() + "|" + offset.startOffset() + "-" + offset.endOffset());
        }
        stream.end();
      }
      out.write(String.join(" ", tokens));
      out.write("\n");
    }
    out.flush();
  }
}
