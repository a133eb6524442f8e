using NewsSearch.Analysis;

namespace NewsSearch.Tests.Analysis;

public sealed class NameVariantsTests
{
    [Theory]
    [InlineData("zelensky", "zelenski")]
    [InlineData("zelenskiy", "zelenski")]
    [InlineData("zelenskyy", "zelenski")]
    [InlineData("zelenskij", "zelenski")]
    [InlineData("zelenskii", "zelenski")]
    [InlineData("volodymyr", "volodimir")]
    [InlineData("dmitry", "dmitri")]
    [InlineData("mikhail", "mihail")]
    [InlineData("gaddafi", "gadafi")]
    [InlineData("zelenko", "zelenko")]
    [InlineData("qin", "qin")]
    public void Fold_MergesTransliterationVariants(string word, string folded)
    {
        Assert.Equal(folded, NameVariants.Fold(word));
    }

    [Theory]
    [InlineData("Zelensky")]
    [InlineData("Zelenskiy")]
    [InlineData("Zelenskyy")]
    [InlineData("zelenskyy")]
    [InlineData("\"Volodymyr Zelensky\"")]
    public void SpeakerQuery_FindsTheSeedUnderAnySpelling(string name)
    {
        using var index = NewsIndex.CreateInMemory();
        index.IndexPaths([Repository.Seeds]);

        Assert.Equal(1, index.Search(new SearchRequest { Query = "speaker:" + name }).TotalHits);
        Assert.Equal(1, index.Search(new SearchRequest { Speaker = name.Trim('"') }).TotalHits);
    }
}
