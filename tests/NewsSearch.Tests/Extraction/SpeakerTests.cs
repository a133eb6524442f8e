using NewsSearch.Extraction;

namespace NewsSearch.Tests.Extraction;

public sealed class SpeakerTests
{
    [Fact]
    public void Seed_SpeakersAreExactlyQinGangAndZelenskiy()
    {
        var body = string.Join("\n\n", File.ReadAllText(Repository.SeedFile).Split(':', 2)[1].Split("\n\n").Select(p => p.Trim()));

        Assert.Equal(["Qin Gang", "Volodymyr Zelenskiy"], ArticleExtractor.Extract(body).Speakers);
    }

    [Theory]
    [InlineData("Qin Gang said the talks failed.", "Qin Gang")]
    [InlineData("\"We will not yield,\" said Jacinda Ardern.", "Jacinda Ardern")]
    [InlineData("\"We will not yield,\" Jacinda Ardern said.", "Jacinda Ardern")]
    [InlineData("Olaf Scholz told reporters the plan was final.", "Olaf Scholz")]
    [InlineData("China's Foreign Minister Qin Gang said it was a tragedy.", "Qin Gang")]
    [InlineData("U.S. President Joe Biden warned of consequences.", "Joe Biden")]
    [InlineData("Dr. Anthony Fauci added that masks help.", "Anthony Fauci")]
    [InlineData("Governor Gavin Newsom stated his case.", "Gavin Newsom")]
    [InlineData("Ukrainian President Volodymyr Zelenskiy also said the line held.", "Volodymyr Zelenskiy")]
    [InlineData("Secretary of State Antony Blinken asked for calm.", "Antony Blinken")]
    [InlineData("Syrian President Bashar al-Assad said the war was over.", "Bashar al-Assad")]
    [InlineData("Egyptian President Abdel Fattah el-Sisi told parliament the dam was a threat.", "Abdel Fattah el-Sisi")]
    [InlineData("Oil Minister Hisham Nazer told reporters output was low.", "Hisham Nazer")]
    [InlineData("Commerce Secretary Malcolm Baldrige said exports rose.", "Malcolm Baldrige")]
    [InlineData("Minister of Mines and Energy Arturo Hernandez Grisanti said prices would rise.", "Arturo Hernandez Grisanti")]
    [InlineData("Chief of Staff Howard Baker said the president was ready.", "Howard Baker")]
    [InlineData("House Speaker Jim Wright said the bill would pass.", "Jim Wright")]
    [InlineData("District Judge Harold Greene said the merger could go ahead.", "Harold Greene")]
    [InlineData("Besides Paul Volcker said the dollar was stable.", "Paul Volcker")]
    public void NamedSpeaker_WithCueBeforeOrAfter_TitlesStripped(string text, string expected)
    {
        Assert.Equal([expected], ArticleExtractor.Extract(text).Speakers);
    }

    [Fact]
    public void PartialMentions_MapToTheFullestFormUsedEarlier()
    {
        var text = "Ukrainian President Volodymyr Zelenskiy visited the front. Later, Zelenskiy said it held.\n\n"
                   + "China's Foreign Minister Qin Gang spoke on Tuesday. \"It is a tragedy,\" Qin said.";

        Assert.Equal(["Volodymyr Zelenskiy", "Qin Gang"], ArticleExtractor.Extract(text).Speakers);
    }

    [Fact]
    public void ANameWithAHyphenatedArticle_IsOnePerson_WhicheverFormTheArticleUsesLater()
    {
        var text = "Sheikh Ali al-Khalifa al-Sabah spoke on Monday. \"We are ready,\" al-Sabah said.\n\n"
                   + "\"We will not discuss it,\" Sabah told reporters.\n\n"
                   + "Syrian President Bashar al-Assad spoke too. \"We will rebuild,\" Assad said.";

        var extraction = ArticleExtractor.Extract(text);

        Assert.Equal(["Ali al-Khalifa al-Sabah", "Bashar al-Assad"], extraction.Speakers);
        Assert.Equal(["Ali al-Khalifa al-Sabah", "Ali al-Khalifa al-Sabah", "Bashar al-Assad"], extraction.Quotations.Select(q => q.Speaker));
    }

    [Theory]
    [InlineData("Merrill Lynch Capital Markets raised its forecast. Merrill Lynch said rates would rise.", new string[0])]
    [InlineData("Morgan Stanley and Co bought the stake. Morgan Stanley said it was pleased.", new string[0])]
    [InlineData("Mario Gabelli, head of the firm, said he sold the shares. Mario Gabelli and Co holds six pct.", new[] { "Mario Gabelli" })]
    [InlineData("GAMCO Chairman Mario Gabelli said Mario Gabelli and Co sold the shares.", new[] { "Mario Gabelli" })]
    [InlineData("Sydney-listed Virgin Blue's shares fell. Virgin Blue said profits would drop.", new string[0])]
    public void ANameTheArticleUsesForACompany_IsNoSpeaker_UnlessItIsAlsoAPerson(string text, string[] speakers)
    {
        Assert.Equal(speakers, ArticleExtractor.Extract(text).Speakers);
    }

    [Theory]
    [InlineData("Oil World said stocks would fall.")]
    [InlineData("Texas Commerce Bank-Houston said it filed an application.")]
    [InlineData("Stanley Works said earnings rose.")]
    [InlineData("First Boston said rates would rise.")]
    [InlineData("Credit Suisse said it was buying the stake.")]
    [InlineData("Texas Air said fares would rise.")]
    [InlineData("China-published Economic Observer said the loans were bad.")]
    [InlineData("Japan said it would respond.")]
    [InlineData("The State Department said it was watching.")]
    [InlineData("Police said two people were hurt.")]
    [InlineData("Western strategists said the plan would fail.")]
    [InlineData("He said it was over.")]
    [InlineData("Officials told Reuters on Monday that Maria Lopez would resign.")]
    [InlineData("The ministry said on Tuesday it was ready.")]
    public void NoNamedPerson_NoSpeaker(string text)
    {
        Assert.Empty(ArticleExtractor.Extract(text).Speakers);
    }
}
