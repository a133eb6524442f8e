using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using NewsSearch.Indexing;

namespace NewsSearch.Analysis;

/// <summary>
/// The single analyzer definition. The index writer and the query parser both take the analyzer from
/// <see cref="Create"/>, so a word is cut and normalised the same way when it is indexed and when it is searched.
/// </summary>
internal static class NewsAnalyzer
{
    /// <summary>
    /// How many of the body's first positions count as its lead: a lead sentence or two. Measured on the odd TIME
    /// queries against 10 and 20 (README, "Ranking quality").
    /// </summary>
    public const int LeadPositions = 40;

    /// <summary>Builds the per-field analyzer. The caller owns (and disposes) the result.</summary>
    public static Analyzer Create()
    {
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal)
        {
            [NewsFields.Id] = new KeywordAnalyzer(),
            [NewsFields.Source] = new KeywordAnalyzer(),
            [NewsFields.Dateline] = new PlaceAnalyzer(),
            [NewsFields.Speaker] = new NameAnalyzer(),
        };
        return new PerFieldAnalyzerWrapper(new EnglishTextAnalyzer(), perField);
    }

    /// <summary>
    /// Body and title: Lucene's English chain (possessives, lower case, stop words, Porter stemming), written out
    /// here rather than taken as <c>EnglishAnalyzer</c> so the chain is visible and can be tuned in one place, and
    /// applied once per distinct piece of text between spaces (<see cref="EnglishWordTokenizer"/>).
    /// </summary>
    internal sealed class EnglishTextAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var words = new EnglishWordTokenizer(reader);
            return new TokenStreamComponents(words, words);
        }

        // Paragraphs and separate values must not form phrases across their boundary.
        public override int GetPositionIncrementGap(string fieldName) => 100;
    }

    /// <summary>
    /// Lucene's standard tokenizer and English chain, token by token: what <see cref="EnglishWordTokenizer"/> runs on
    /// each new piece of text and reproduces for the rest, and the reference its tests and benchmark compare it with.
    /// </summary>
    internal sealed class LuceneEnglishAnalyzer : Analyzer
    {
        /// <summary>The English filters over any stream of words.</summary>
        public static TokenStream Chain(TokenStream words)
        {
            TokenStream stream = new EnglishPossessiveFilter(LuceneSettings.Version, words);
            stream = new LowerCaseFilter(LuceneSettings.Version, stream);
            stream = new DottedCapitalIFilter(stream);
            stream = new StopFilter(LuceneSettings.Version, stream, StandardAnalyzer.STOP_WORDS_SET);
            return new PorterStemFilter(stream);
        }

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(LuceneSettings.Version, reader);
            return new TokenStreamComponents(source, Chain(source));
        }
    }

    /// <summary>Datelines: whole words, case and accents folded, no stemming ("Kyiv" must not match "Kyivs").</summary>
    internal sealed class PlaceAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(LuceneSettings.Version, reader);
            TokenStream stream = new ASCIIFoldingFilter(source);
            stream = new LowerCaseFilter(LuceneSettings.Version, stream);
            return new TokenStreamComponents(source, stream);
        }
    }

    /// <summary>
    /// Speaker names: words folded for case, accents and transliteration variants (<see cref="NameVariants"/>:
    /// Zelensky, Zelenskiy and Zelenskyy are one word). The speaker field holds several names per article; the
    /// position gap keeps <c>speaker:"Qin Gang"</c> from matching the end of one name and the start of the next.
    /// </summary>
    internal sealed class NameAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(LuceneSettings.Version, reader);
            TokenStream stream = new EnglishPossessiveFilter(LuceneSettings.Version, source);
            stream = new ASCIIFoldingFilter(stream);
            stream = new LowerCaseFilter(LuceneSettings.Version, stream);
            stream = new NameVariantFilter(stream);
            return new TokenStreamComponents(source, stream);
        }

        public override int GetPositionIncrementGap(string fieldName) => 100;
    }
}

/// <summary>
/// Lower-cases the dotted capital I of Turkish names ("İstanbul", "İmamoğlu") to "i", as Java Lucene's lower-case
/// filter does and Lucene.NET's does not: without it "istanbul" would not find "İstanbul", and an Elasticsearch index
/// of the same articles (Export) would cut the word differently.
/// </summary>
internal sealed class DottedCapitalIFilter(TokenStream input) : TokenFilter(input)
{
    private readonly ICharTermAttribute term = input.AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var buffer = term.Buffer;
        for (var i = 0; i < term.Length; i++)
        {
            if (buffer[i] == '\u0130')
            {
                buffer[i] = 'i';
            }
        }
        return true;
    }
}
