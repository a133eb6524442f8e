using CsCheck;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using NewsSearch.Analysis;
using NewsSearch.Indexing;

namespace NewsSearch.Tests.Analysis;

/// <summary>
/// The body and title analysis must cut and normalise text exactly as Lucene's standard tokenizer and English chain
/// (possessives, lower case, stop words, Porter) do, however it gets there: the index and the queries depend on it.
/// </summary>
public sealed class TextAnalysisTests
{
    // Words that exercise each step: stop words in both cases, possessives with both apostrophes, stems, numbers,
    // accents, a dotted capital I, one word longer than the tokenizer's 255-character limit, every kind of space,
    // combining and invisible characters, scripts the tokenizer treats apart, and punctuation stuck to words.
    internal static readonly string[] Fragments =
    [
        "The", "the", "THE", "and", "An", "of", "to", "is", "was", "it", "It's", "Reuters's", "Reuters'", "Gang’s",
        "Zelenskiy's", "running", "Runs", "RAN", "generalizations", "hopefulness", "ponies", "caresses", "agreed",
        "relational", "conditional", "oscillators", "U.S.", "U.N.", "3.5", "1,000", "1980s", "2nd", "0.5pct", "42",
        "1.", ".5", "4,5.6", "12's", "3,", "(1,250)", "\"3.5\"", "$12.50", "5%", "1,,2", "1..2", "7.,", "(1987.",
        "1,250.75;", "12:30", "1-2", "$", "(", "0", "99%)", "3.5.", "٣", "1_000", "10x", "x10", "2026-11-29",
        "co-operation", "O'Neill", "l'Élysée", "Müller", "Straße", "İstanbul", "naïve", "café", "Qin", "Gang", "said",
        "mln", "dlrs", "e-mail", "AT&T", "wi_fi", "_", "x", "A", "I", new string('w', 300), " ", " ", " ", ", ", ". ",
        "\n\n", " \"", "\" ", "(", ")", " — ", " - ", "'", "’", "!", "?", ":", ";", "\t", "\r\n", "\u00A0", "\u00AD",
        "\u0301", "e\u0301", "\u200D", "北京", "สวัสดี", "カタカナ", "שלום", "😀", "http://example.com/a?b=c",
        "a.b,c;d:e_f", "mid-1980s", "AT&T's", "(Reuters)", "said,", "it.\"", "'the", "\"The",
    ];

    [Fact]
    public void Generated_texts_are_analysed_exactly_as_by_lucenes_chain()
    {
        using var analyzer = NewsAnalyzer.Create();
        using var reference = new NewsAnalyzer.LuceneEnglishAnalyzer();
        var texts = Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]).Array[0, 60].Select(parts => string.Concat(parts));
        Check.Sample(texts, text =>
        {
            Assert.Equal(Tokens(reference, text), Tokens(analyzer, text));
        }, iter: 3000);
    }

    [Fact]
    public void A_word_seen_before_is_analysed_as_the_first_time_in_every_case()
    {
        using var analyzer = NewsAnalyzer.Create();
        using var reference = new NewsAnalyzer.LuceneEnglishAnalyzer();
        const string text = "The President's ponies were running. THE PRESIDENT'S PONIES WERE RUNNING; the president's ponies.";
        var expected = Tokens(reference, text);
        Assert.Equal(expected, Tokens(analyzer, text));
        Assert.Equal(expected, Tokens(analyzer, text));
        Assert.Contains(expected, token => token.StartsWith("presid|", StringComparison.Ordinal));
        Assert.Contains(expected, token => token.StartsWith("poni|", StringComparison.Ordinal));
        Assert.DoesNotContain(expected, token => token.StartsWith("the|", StringComparison.Ordinal));
    }

    [Fact]
    public void More_distinct_words_than_the_table_holds_are_analysed_as_by_lucenes_chain()
    {
        using var analyzer = NewsAnalyzer.Create();
        using var reference = new NewsAnalyzer.LuceneEnglishAnalyzer();
        // 120,000 distinct words of letters (the table keeps 100,000 a thread), then the first ones again.
        static string Letters(int number) => string.Concat(Enumerable.Range(0, 4).Select(place => (char)('a' + number / (int)Math.Pow(26, place) % 26)));
        var words = Enumerable.Range(0, 120_000).Select(number => Letters(number) + (number % 3 == 0 ? "s," : "ing")).ToList();
        var texts = words.Chunk(2_000).Select(chunk => string.Join(' ', chunk)).Append(string.Join(' ', words.Take(2_000)));
        foreach (var text in texts)
        {
            Assert.Equal(Tokens(reference, text), Tokens(analyzer, text));
        }
    }

    [Fact]
    public void A_dropped_stop_word_leaves_a_gap_before_the_next_word_and_at_the_end()
    {
        using var analyzer = NewsAnalyzer.Create();
        var tokens = Tokens(analyzer, "Kyiv and the city of");
        Assert.Equal(["kyiv|1|0-4|<ALPHANUM>", "citi|3|13-17|<ALPHANUM>", "end|1|20-20"], tokens);
    }

    [Theory]
    [InlineData("istanbul")]
    [InlineData("Istanbul")]
    [InlineData("İstanbul")]
    [InlineData("\"mayor İmamoğlu\"")]
    public void A_dotted_capital_I_is_lower_cased_as_Java_Lucene_does(string query)
    {
        using var index = NewsIndex.CreateInMemory();
        index.Upsert(new Article("ist", new DateOnly(2024, 4, 1), "İstanbul", "İstanbul's mayor İmamoğlu won again."));
        index.Commit();

        Assert.Equal(["ist"], index.Search(new SearchRequest { Query = query }).Hits.Select(h => h.Id));
    }

    /// <summary>Every token as text|position increment|offsets|type, then the stream's end state.</summary>
    private static List<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(NewsFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add($"{term}|{increment.PositionIncrement}|{offset.StartOffset}-{offset.EndOffset}|{type.Type}");
        }
        stream.End();
        tokens.Add($"end|{increment.PositionIncrement}|{offset.StartOffset}-{offset.EndOffset}");
        return tokens;
    }
}
