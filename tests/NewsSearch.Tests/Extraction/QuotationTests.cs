using CsCheck;
using NewsSearch.Extraction;

namespace NewsSearch.Tests.Extraction;

/// <summary>Quotations and their attribution, one article per pattern the extractor handles (issue 3).</summary>
public sealed class QuotationTests
{
    private static string SeedBody =>
        string.Join("\n\n", File.ReadAllText(Repository.SeedFile).Split(':', 2)[1].Split("\n\n").Select(p => p.Trim()));

    private static Quotation Single(ArticleExtraction extraction, string containing) =>
        Assert.Single(extraction.Quotations, q => q.Text.Contains(containing, StringComparison.Ordinal));

    [Fact]
    public void Seed_SpeakersAndAttributions()
    {
        var extraction = ArticleExtractor.Extract(SeedBody);

        Assert.Equal(["Qin Gang", "Volodymyr Zelenskiy"], extraction.Speakers);
        Assert.Equal("Qin Gang", Single(extraction, "The Ukraine crisis is a tragedy that could have been avoided").Speaker);
        var withdraw = Single(extraction, "not to withdraw");
        Assert.NotEqual("Qin Gang", withdraw.Speaker);
        Assert.Null(withdraw.Speaker);
        Assert.Equal("his top military commanders, who", withdraw.Source?.Text);
    }

    [Fact]
    public void Seed_PronounRoleAndUnnamedSources()
    {
        var extraction = ArticleExtractor.Extract(SeedBody);

        var pronoun = Single(extraction, "It seems there is an invisible hand");
        Assert.Equal(("he", "Qin Gang"), (pronoun.Source?.Text, pronoun.Speaker));
        var role = Single(extraction, "The more unstable the world becomes");
        Assert.Equal(("the minister", "Qin Gang"), (role.Source?.Text, role.Speaker));
        var unnamed = Single(extraction, "Beijing wants the credit");
        Assert.Equal(("Western strategists", null), (unnamed.Source?.Text, unnamed.Speaker));
        Assert.Equal("Volodymyr Zelenskiy", Single(extraction, "Our soldiers are holding on").Speaker);
    }

    [Theory]
    [InlineData("\"We will not yield,\" Jacinda Ardern said on Monday.", "Jacinda Ardern", "Jacinda Ardern")]
    [InlineData("“We will not yield,” said Jacinda Ardern, who leads the party.", "Jacinda Ardern", "Jacinda Ardern")]
    [InlineData("Olaf Scholz said: \"We will not yield.\"", "Olaf Scholz", "Olaf Scholz")]
    [InlineData("German Chancellor Olaf Scholz told reporters \"we will not yield\" before the vote.", "German Chancellor Olaf Scholz", "Olaf Scholz")]
    [InlineData("Olaf Scholz warned that \"we will not yield\" to pressure.", "Olaf Scholz", "Olaf Scholz")]
    [InlineData("\"We will not yield,\" according to Olaf Scholz.", "Olaf Scholz", "Olaf Scholz")]
    [InlineData("\"We will not yield,\" Olaf Scholz, the German chancellor, said.", "Olaf Scholz", "Olaf Scholz")]
    public void NamedSource_CueBeforeAfterOrInverted(string body, string source, string speaker)
    {
        var quotation = Assert.Single(ArticleExtractor.Extract(body).Quotations);

        Assert.Contains("We will not yield", quotation.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(source, quotation.Source?.Text);
        Assert.Equal(speaker, quotation.Speaker);
    }

    [Fact]
    public void ACueThatOpensTheNextQuotation_DoesNotClaimTheOneBefore()
    {
        var extraction = ArticleExtractor.Extract("President Joe Biden said \"America stands firm.\" John Smith said \"rates will rise.\"");

        Assert.Equal([("America stands firm.", "Joe Biden"), ("rates will rise.", "John Smith")], extraction.Quotations.Select(q => (q.Text, q.Speaker)));
    }

    [Fact]
    public void Pronoun_ResolvesToTheMostRecentSpeakerOfItsGender()
    {
        const string body = "\"Talks are over,\" said Boris Johnson.\n\n"
                            + "German Chancellor Angela Merkel replied on Tuesday that Europe was united.\n\n"
                            + "\"We stand together,\" she said. \"Nobody leaves,\" he said.";

        var extraction = ArticleExtractor.Extract(body);

        Assert.Equal("Angela Merkel", Single(extraction, "We stand together").Speaker);
        Assert.Equal("Boris Johnson", Single(extraction, "Nobody leaves").Speaker);
        Assert.Equal(["Boris Johnson", "Angela Merkel"], extraction.Speakers);
    }

    [Fact]
    public void RoleDescription_ResolvesToTheSpeakerWithThatRole()
    {
        const string body = "Foreign Minister Sergei Lavrov arrived in Delhi. \"We came to talk,\" Lavrov said.\n\n"
                            + "\"The sanctions will fail,\" the minister told reporters. \"Nothing has changed,\" the senator said.";

        var extraction = ArticleExtractor.Extract(body);

        var role = Single(extraction, "The sanctions will fail");
        Assert.Equal(("the minister", "Sergei Lavrov"), (role.Source?.Text, role.Speaker));
        var unknownRole = Single(extraction, "Nothing has changed");
        Assert.Equal(("the senator", null), (unknownRole.Source?.Text, unknownRole.Speaker));
    }

    [Fact]
    public void ContinuationParagraph_KeepsTheSpeaker()
    {
        const string body = "\"The first step is done,\" said Jacinda Ardern.\n\n\"The second is harder.\"\n\nThe vote is on Friday.\n\n\"Nobody knows.\"";

        var extraction = ArticleExtractor.Extract(body);

        Assert.Equal("Jacinda Ardern", Single(extraction, "The second is harder").Speaker);
        Assert.Null(Single(extraction, "Nobody knows").Speaker);
    }

    [Fact]
    public void QuotationOverParagraphs_IsOneQuotation()
    {
        const string body = "Jacinda Ardern said: \"The first part goes on.\n\n\"And the second part ends here.\" Then she left.";

        var quotation = Assert.Single(ArticleExtractor.Extract(body).Quotations);

        Assert.StartsWith("The first part", quotation.Text, StringComparison.Ordinal);
        Assert.EndsWith("ends here.", quotation.Text, StringComparison.Ordinal);
        Assert.Equal("Jacinda Ardern", quotation.Speaker);
        Assert.Equal(quotation.Text, body[quotation.Start..quotation.End]);
    }

    [Fact]
    public void SingleQuotesInsideDoubleQuotes_AreNested()
    {
        const string body = "“He told me ‘never again’ and he meant it,” said Jacinda Ardern. \"They chanted 'no more' all night,\" she added.";

        var extraction = ArticleExtractor.Extract(body);

        Assert.Equal(2, extraction.Quotations.Count);
        Assert.Equal("He told me ‘never again’ and he meant it,", extraction.Quotations[0].Text);
        Assert.Equal("They chanted 'no more' all night,", extraction.Quotations[1].Text);
        Assert.All(extraction.Quotations, q => Assert.Equal("Jacinda Ardern", q.Speaker));
    }

    [Fact]
    public void PartialQuotation_InsideASentence()
    {
        const string body = "Treasury Secretary Janet Yellen warned on Monday that \"promises are cheap\" when budgets are tight.";

        var quotation = Assert.Single(ArticleExtractor.Extract(body).Quotations);

        Assert.Equal("promises are cheap", quotation.Text);
        Assert.Equal("Janet Yellen", quotation.Speaker);
    }

    [Theory]
    [InlineData("\"Two people were hurt,\" police said.", "police")]
    [InlineData("\"Prices will rise,\" an industry body said in a report.", "an industry body")]
    [InlineData("\"Expect delays,\" officials told Reuters.", "officials")]
    [InlineData("\"We are watching,\" the State Department said.", "the State Department")]
    public void UnnamedSource_KeptAsSourceButNoSpeaker(string body, string source)
    {
        var extraction = ArticleExtractor.Extract(body);

        var quotation = Assert.Single(extraction.Quotations);
        Assert.Equal(source, quotation.Source?.Text);
        Assert.Null(quotation.Speaker);
        Assert.Empty(extraction.Speakers);
    }

    [Theory]
    [InlineData("The slogan \"Peace Now\" was painted on the wall overnight.")]
    [InlineData("Jacinda Ardern arrived on Monday.\n\nThe banner read on both sides of the street. \"No war.\"")]
    [InlineData("\"Never again.\" The crowd dispersed after an hour.")]
    public void NoSource_StaysUnattributed(string body)
    {
        var quotation = Assert.Single(ArticleExtractor.Extract(body).Quotations);

        Assert.Null(quotation.Speaker);
    }

    [Fact]
    public void CanonicalNames_FullestFormOfSurnameOrFamilyNameFirst()
    {
        const string body = "Ukrainian President Volodymyr Zelenskiy visited the front. \"We hold,\" Zelenskiy said.\n\n"
                            + "China's Foreign Minister Qin Gang spoke on Tuesday. \"It is a tragedy,\" Qin said.";

        var extraction = ArticleExtractor.Extract(body);

        Assert.Equal(["Volodymyr Zelenskiy", "Qin Gang"], extraction.Speakers);
        Assert.Equal("Zelenskiy", Single(extraction, "We hold").Source?.Text);
    }

    [Fact]
    public void ReportedStatement_MakesASpeakerWithoutAQuotation()
    {
        var extraction = ArticleExtractor.Extract("Treasury Secretary Janet Yellen said on Monday that the talks would resume.");

        Assert.Empty(extraction.Quotations);
        Assert.Equal(["Janet Yellen"], extraction.Speakers);
    }

    [Fact]
    public void NegatedCue_IsNotAStatement()
    {
        var extraction = ArticleExtractor.Extract("Janet Yellen did not say when the talks would resume.");

        Assert.Empty(extraction.Speakers);
    }

    [Fact]
    public void StraightQuoteAfterADigit_IsNotAQuotation()
    {
        var extraction = ArticleExtractor.Extract("The pipe is 12\" wide, the engineer said, and it leaks.");

        Assert.Empty(extraction.Quotations);
    }

    [Fact]
    public void Offsets_AlwaysPointAtTheTextInTheBody()
    {
        string[] fragments = ["\"", "“", "”", "'", "‘", "’", " said Ann Lee", " he said", ", ", ". ", "\n\n", "Qin Gang", "words ", "the minister told reporters: ", "—", "<a href=\"x\">"];
        var pieces = Gen.Int[0, fragments.Length - 1].Select(i => fragments[i]);
        Check.Sample(pieces.Array[0, 40].Select(parts => string.Concat(parts)), body =>
        {
            var extraction = ArticleExtractor.Extract(body);
            foreach (var quotation in extraction.Quotations)
            {
                Assert.InRange(quotation.Start, 0, quotation.End);
                Assert.InRange(quotation.End, quotation.Start, body.Length);
                Assert.Equal(quotation.Text, body[quotation.Start..quotation.End]);
                if (quotation.Source is { } source)
                {
                    Assert.Equal(source.Text, body[source.Start..source.End]);
                }
            }
        }, iter: 2000);
    }
}
