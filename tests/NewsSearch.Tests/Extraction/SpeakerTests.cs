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

    [Theory]
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
