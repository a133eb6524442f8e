using CsCheck;
using Lucene.Net.Search;
using NewsSearch.Analysis;
using NewsSearch.Indexing;
using NewsSearch.Querying;

namespace NewsSearch.Tests.Querying;

/// <summary>
/// Plain words and phrases are turned into a query without the generated classic parser (it is a tenth of a short
/// search's time); whatever the query, the result must be the parser's.
/// </summary>
public class QueryParsingTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = NewsAnalyzer.Create();

    [Theory]
    [InlineData("oil")]
    [InlineData("the oil")]
    [InlineData("oil the")]
    [InlineData("the")]
    [InlineData("oil prices rose")]
    [InlineData("\"invisible hand\"")]
    [InlineData("\"the\" oil")]
    [InlineData("mid 1987 \"opec output\" quotas")]
    [InlineData("ABC AND def")]
    [InlineData("ab12 34cd")]
    [InlineData("+oil +prices")]
    [InlineData("+the +oil")]
    [InlineData("+oil")]
    [InlineData("oil -gas +\"crude oil\"")]
    [InlineData("-gas")]
    [InlineData("+ oil")]
    public void PlainQueries_AreParsedAsTheClassicParserDoes(string text) => AssertSameAsParser(text);

    [Fact]
    public void AnyQuery_IsParsedAsTheClassicParserDoes()
    {
        // Property: words, stop words, operators, phrases and a few syntax characters, in any order and spacing;
        // both paths must give an equal query or the same error.
        var word = Gen.OneOf(
            Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCXYZ0123456789"], 1, 8],
            Gen.OneOf("the", "of", "and", "AND", "OR", "NOT", "oil", "Oil", "mid-1987", "U.S.", "it's", "a1b2"));
        var phrase = word.Array[0, 4].Select(words => "\"" + string.Join(' ', words) + "\"");
        var marked = Gen.Select(Gen.OneOf("", "", "+", "-"), Gen.Frequency((3, word), (1, phrase))).Select(m => m.Item1 + m.Item2);
        var part = Gen.Frequency((8, marked), (1, Gen.OneOf("+", "-", "oil~", "\"oil\"~2", "title:oil", "(oil)", "oil^2", "\"x\"y", "a+b", "+-oil", "--oil")));
        var separator = Gen.OneOf(" ", "  ", "\t");
        var query = Gen.Select(part.Array[1, 6], separator.Array[6]).Select(s =>
            string.Concat(s.Item1.Select((p, i) => (i == 0 ? string.Empty : s.Item2[i]) + p)));

        Check.Sample(query, AssertSameAsParser, iter: 2_000);
    }

    private static void AssertSameAsParser(string text)
    {
        var (plain, plainError) = Parse(text, plainWithoutParser: true);
        var (classic, classicError) = Parse(text, plainWithoutParser: false);
        Assert.Equal(classicError, plainError);
        Assert.Equal(classic?.ToString(), plain?.ToString());
        Assert.Equal(classic, plain);
        Assert.Equal(classic?.GetType(), plain?.GetType());
    }

    private static (Query? Query, string? Error) Parse(string text, bool plainWithoutParser)
    {
        try
        {
            return (NewsQueryParser.Parse(text, Analyzer, NewsFields.DefaultField, NewsFields.Queryable, plainWithoutParser), null);
        }
        catch (QuerySyntaxException e)
        {
            return (null, e.Message);
        }
    }
}
