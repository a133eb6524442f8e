using CsCheck;
using NewsSearch.Extraction;

namespace NewsSearch.Tests.Extraction;

/// <summary>Wire datelines at the start of a body: the place is taken, the agency and date are not, and the text loses them.</summary>
public sealed class WireDatelineTests
{
    [Theory]
    [InlineData("NEW YORK, March 3 - Stocks rose.", "NEW YORK")]
    [InlineData("WASHINGTON (Reuters) - The Senate voted.", "WASHINGTON")]
    [InlineData("LONDON, Feb 26 (AP) — Shares fell.", "LONDON")]
    [InlineData("Beirut (AFP) – When activists took to the streets.", "Beirut")]
    [InlineData("MEXICO CITY, Feb. 8 (UPI) — Count him among critics.", "MEXICO CITY")]
    [InlineData("DES MOINES, Iowa, April 9 - Farmers said rain helped.", "DES MOINES, Iowa")]
    [InlineData("WASHINGTON — Hillary Clinton argued.", "WASHINGTON")]
    [InlineData("WASHINGTON -- President Obama spoke.", "WASHINGTON")]
    [InlineData("NEWPORT NEWS, Va. - In a tradition he has kept.", "NEWPORT NEWS, Va.")]
    [InlineData("CHARLESTON, S.C.\u00A0— In the fall of 2007.", "CHARLESTON, S.C.")]
    [InlineData("BOSTON —Standing in front of a crowd.", "BOSTON")]
    [InlineData("HEMPSTEAD, N.Y., Sept. 26 (UPI) — Jill Stein said.", "HEMPSTEAD, N.Y.")]
    [InlineData("MONTREAL, Feb 26- Shares rose.", "MONTREAL")]
    [InlineData("WASHINGTON, March 12, Reuter - The Fed said.", "WASHINGTON")]
    [InlineData("****LONDON, March 5 - India bought sugar.", "LONDON")]
    [InlineData("Mexico city, March 3 - Oil output rose.", "Mexico city")]
    [InlineData("WINSTON-SALEM, N.C., March 2 - RJR said.", "WINSTON-SALEM, N.C.")]
    [InlineData("ST. LOUIS — Donald Trump claimed.", "ST. LOUIS")]
    [InlineData("LOUISVILLE, Colo. - March 16 - Storage Tech said.", "LOUISVILLE, Colo.")]
    [InlineData("AMSTERDAM, 2 March - The central bank said.", "AMSTERDAM")]
    [InlineData("TOKYO - The Bank of Japan said.", "TOKYO")]
    public void WireForms_GiveThePlaceOnly_AndStripTheDateline(string body, string place)
    {
        var found = WireDateline.Find(body);

        Assert.NotNull(found);
        Assert.Equal(place, found.Value.Place);
        Assert.False(found.Value.Rest.StartsWith('-'), found.Value.Rest);
        Assert.True(char.IsUpper(found.Value.Rest[0]), found.Value.Rest);
    }

    [Theory]
    [InlineData("Mehmet Oz — surgeon and television host — said.")]
    [InlineData("Sen. Marco Rubio (R-Fla.) — who spoke first.")]
    [InlineData("U.S.-China talks resumed on Monday.")]
    [InlineData("The Senate voted on Tuesday - a first.")]
    [InlineData("LONDON GOLD - APRIL 7 418.70 DLRS, FIX CONTINUES")]
    [InlineData("CORRECTION - THREE CONVICTED IN HOME STATE TRIAL")]
    [InlineData("CORRECTION - In the item on Monday, please read.")]
    [InlineData("NASDAQ RESUMPTION - GALACTIC RESOURCES LTD, FIRST SALE 7-5/16")]
    [InlineData("APRIL 11 - Soybean futures rose.")]
    [InlineData("WASHINGTON -")]
    [InlineData("")]
    public void OrdinaryOpenings_HeadlinesAndTables_AreNotDatelines(string body)
    {
        Assert.Null(WireDateline.Find(body));
    }

    [Fact]
    public void Apply_MovesTheDatelineOutOfTheBody_OnlyWhenTheArticleHasNone()
    {
        var wire = new Article("a", null, "", "WASHINGTON (Reuters) - The Senate voted.\n\nMore text.") { Title = "Vote", Source = "s" };
        var own = new Article("b", null, "Paris", "WASHINGTON (Reuters) - The Senate voted.");

        var applied = WireDateline.Apply(wire);

        Assert.Equal("WASHINGTON", applied.Dateline);
        Assert.Equal("The Senate voted.\n\nMore text.", applied.Body);
        Assert.Equal(("a", "Vote", "s"), (applied.Id, applied.Title, applied.Source));
        Assert.Same(own, WireDateline.Apply(own));
    }

    [Fact]
    public void AnyCapitalisedPlace_WithAnyDateAndAgency_IsFound()
    {
        var word = Gen.String[Gen.Char['A', 'Z'], 2, 10];
        var place = Gen.Select(word.Array[1, 3], words => string.Join(' ', words));
        var month = Gen.OneOf("Jan.", "Feb", "March", "April", "Sept.", "Dec");
        var agency = Gen.OneOf("", " (AP)", " (Reuters)", " (UPI)", " (AFP)");
        var dash = Gen.OneOf(" - ", " — ", " – ", " -- ");
        Gen.Select(place, month, Gen.Int[1, 31], agency, dash).Sample((city, m, day, a, d) =>
        {
            var body = $"{city}, {m} {day}{a}{d}Officials said the talks went well.";
            var found = WireDateline.Find(body);
            return found is { } f && f.Place == city && f.Rest == "Officials said the talks went well.";
        });
    }
}
