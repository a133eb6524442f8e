using System.Text.Json;
using Lucene.Net.Analysis.Standard;
using NewsSearch.Indexing;

namespace NewsSearch.Export;

/// <summary>
/// The settings and mappings of an Elasticsearch or OpenSearch index that holds NewsSearch's documents with
/// NewsSearch's analysis. Every analyzer is written out of the engines' built-in parts, which wrap the same Lucene
/// classes <see cref="Analysis.NewsAnalyzer"/> chains (standard tokenizer, English possessive, lower case, the same 33
/// stop words, Porter stemming; ASCII folding; the name-variant rules of <see cref="Analysis.NameVariants"/> as pattern
/// replacements), so a word is cut and normalised there as it is here, and a query in Lucene syntax
/// (<c>query_string</c>) finds the same articles.
/// </summary>
public static class ElasticsearchMapping
{
    /// <summary>Analyzer of the body, title and quotations: <see cref="Analysis.NewsAnalyzer.EnglishTextAnalyzer"/>.</summary>
    public const string EnglishAnalyzer = "news_english";

    /// <summary>Analyzer of the dateline: <see cref="Analysis.NewsAnalyzer.PlaceAnalyzer"/>.</summary>
    public const string PlaceAnalyzer = "news_place";

    /// <summary>Analyzer of speaker names: <see cref="Analysis.NewsAnalyzer.NameAnalyzer"/>.</summary>
    public const string NameAnalyzer = "news_name";

    /// <summary>
    /// Search-time analyzer of words already analysed (<see cref="ElasticsearchQuery"/>'s phrases): split at spaces,
    /// with <see cref="GapWord"/> dropped so that its position stays empty, as a stop word's does.
    /// </summary>
    public const string TermsAnalyzer = "news_terms";

    /// <summary>Stands for a phrase position no word holds; no analysed word is written like it.</summary>
    public const string GapWord = "__gap__";

    /// <summary>The nested field holding an article's quotations.</summary>
    public const string Quotations = "quotations";

    /// <summary>
    /// The name-variant rules (<see cref="Analysis.NameVariants.Fold"/>) as the regular expressions of
    /// <c>pattern_replace</c> filters, applied in order to a lower-case, accent-folded word. Java and .NET read these
    /// patterns alike.
    /// </summary>
    internal static readonly IReadOnlyList<(string Name, string Pattern, string Replacement)> NameVariantRules =
    [
        ("news_name_kh", "kh", "h"),
        ("news_name_y", "y", "i"),
        ("news_name_final_ij", "(.)ij$", "$1i"),
        ("news_name_double", @"(\p{L})\1+", "$1"),
    ];

    // Positions between the values of a many-valued field (the body and its headline, the speakers), as the engine's
    // analyzers leave them: a phrase never spans two values.
    private const int ValueGap = 100;

    /// <summary>
    /// The body of the request that creates the index (<c>PUT /NAME</c>): analysis, BM25 with the engine's k1 and b,
    /// and a strict mapping of the fields <see cref="ElasticsearchExport"/> writes.
    /// </summary>
    /// <param name="k1">BM25's k1. Default: the engine's, 1.2.</param>
    /// <param name="b">BM25's b. Default: the engine's, 0.75.</param>
    public static string Create(float k1 = 1.2f, float b = 0.75f)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k1);
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(b, 1f);
        return EngineJson.Document(json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("settings");
            json.WriteStartObject("index");
            json.WriteStartObject("similarity");
            json.WriteStartObject("default");
            json.WriteString("type", "BM25");
            json.WriteNumber("k1", Math.Round(k1, 4));
            json.WriteNumber("b", Math.Round(b, 4));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            WriteAnalysis(json);
            json.WriteEndObject();
            WriteMappings(json);
            json.WriteEndObject();
        });
    }

    private static void WriteAnalysis(Utf8JsonWriter json)
    {
        json.WriteStartObject("analysis");
        json.WriteStartObject("filter");
        json.WriteStartObject("news_possessive");
        json.WriteString("type", "stemmer");
        json.WriteString("language", "possessive_english");
        json.WriteEndObject();
        // The list itself rather than "_english_": it is the engine's list, whatever a later version's default becomes.
        json.WriteStartObject("news_stop");
        json.WriteString("type", "stop");
        json.WriteStartArray("stopwords");
        foreach (var word in StopWords())
        {
            json.WriteStringValue(word);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("news_gap");
        json.WriteString("type", "stop");
        json.WriteStartArray("stopwords");
        json.WriteStringValue(GapWord);
        json.WriteEndArray();
        json.WriteEndObject();
        foreach (var (name, pattern, replacement) in NameVariantRules)
        {
            json.WriteStartObject(name);
            json.WriteString("type", "pattern_replace");
            json.WriteString("pattern", pattern);
            json.WriteString("replacement", replacement);
            json.WriteBoolean("all", true);
            json.WriteEndObject();
        }
        json.WriteEndObject();

        json.WriteStartObject("analyzer");
        Analyzer(json, EnglishAnalyzer, ["news_possessive", "lowercase", "news_stop", "porter_stem"]);
        Analyzer(json, PlaceAnalyzer, ["asciifolding", "lowercase"]);
        Analyzer(json, NameAnalyzer, ["news_possessive", "asciifolding", "lowercase", .. NameVariantRules.Select(r => r.Name)]);
        Analyzer(json, TermsAnalyzer, ["news_gap"], tokenizer: "whitespace");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The stop words of the body's analysis, sorted.</summary>
    internal static IReadOnlyList<string> StopWords() =>
        [.. StandardAnalyzer.STOP_WORDS_SET.Select(w => w.ToString()!).Order(StringComparer.Ordinal)];

    private static void Analyzer(Utf8JsonWriter json, string name, IEnumerable<string> filters, string tokenizer = "standard")
    {
        json.WriteStartObject(name);
        json.WriteString("type", "custom");
        json.WriteString("tokenizer", tokenizer);
        json.WriteStartArray("filter");
        foreach (var filter in filters)
        {
            json.WriteStringValue(filter);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteMappings(Utf8JsonWriter json)
    {
        json.WriteStartObject("mappings");
        // A field the export does not write is a mistake, not something to guess a type for.
        json.WriteString("dynamic", "strict");
        json.WriteStartObject("properties");
        Keyword(json, NewsFields.Id);
        Date(json);
        Text(json, NewsFields.Dateline, PlaceAnalyzer);
        Keyword(json, NewsFields.DatelineKey);
        Keyword(json, NewsFields.DatelineFacet);
        // The headline is searched with the text, as the engine indexes it: copied in after the body's own value.
        Text(json, NewsFields.Title, EnglishAnalyzer, copyTo: NewsFields.Body);
        Text(json, NewsFields.Body, EnglishAnalyzer, gap: ValueGap);
        Speaker(json, NewsFields.Speaker);
        Keyword(json, NewsFields.Source);
        json.WriteStartObject(Quotations);
        json.WriteString("type", "nested");
        json.WriteStartObject("properties");
        Text(json, "text", EnglishAnalyzer);
        Date(json);
        Text(json, NewsFields.Dateline, PlaceAnalyzer);
        Keyword(json, NewsFields.DatelineKey);
        StoredOnly(json, "start", "integer");
        StoredOnly(json, "end", "integer");
        Speaker(json, "speaker");
        json.WriteStartObject("source");
        json.WriteString("type", "object");
        json.WriteBoolean("enabled", false);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Date(Utf8JsonWriter json)
    {
        json.WriteStartObject(NewsFields.Date);
        json.WriteString("type", "date");
        json.WriteString("format", "strict_date");
        json.WriteEndObject();
    }

    private static void Keyword(Utf8JsonWriter json, string name)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "keyword");
        json.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter json, string name, string analyzer, int? gap = null, string? copyTo = null)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "text");
        json.WriteString("analyzer", analyzer);
        if (gap is { } positions)
        {
            json.WriteNumber("position_increment_gap", positions);
        }
        if (copyTo is not null)
        {
            json.WriteString("copy_to", copyTo);
        }
        json.WriteEndObject();
    }

    /// <summary>Names as words (<c>speaker:zelensky</c>) and as whole values for counts (<c>speaker.keyword</c>).</summary>
    private static void Speaker(Utf8JsonWriter json, string name)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "text");
        json.WriteString("analyzer", NameAnalyzer);
        json.WriteNumber("position_increment_gap", ValueGap);
        json.WriteStartObject("fields");
        Keyword(json, "keyword");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void StoredOnly(Utf8JsonWriter json, string name, string type)
    {
        json.WriteStartObject(name);
        json.WriteString("type", type);
        json.WriteBoolean("index", false);
        json.WriteEndObject();
    }
}
