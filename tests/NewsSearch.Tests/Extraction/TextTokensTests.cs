using System.Text.RegularExpressions;
using CsCheck;
using NewsSearch.Extraction;

namespace NewsSearch.Tests.Extraction;

/// <summary>
/// The tokenizer that quotation and speaker extraction read is a hand-written scanner; the regular expression it
/// replaced is the reference here, and on any text the two must cut the same tokens at the same offsets.
/// </summary>
public partial class TextTokensTests
{
    [Theory]
    [InlineData("Mr. Obama said the U.S. economy grew.")]
    [InlineData("Sen. Graham and Gov. Newsom met Dr. Fauci vs. Colo. officials at No. 10 Downing St. on Jan. 3")]
    [InlineData("J. R. R. Tolkien wrote; A.B.C. and U.S.A. and U.S.-backed talks, it's O'Neill’s call — 12-year-old")]
    [InlineData("“Quoted,” he said. \"Straight\" and „low” marks… Mrs.Smith Mr.\nJones No.\tone Corp.")]
    [InlineData("Café naïve résumé ½ Ⅻ e\u0301 \u0301 x\u00A0Y. Z")]
    [InlineData("A.")]
    [InlineData("Dr.")]
    [InlineData("")]
    public void Tokens_AreThoseOfTheReferenceExpression(string text) => AssertSameAsReference(text);

    [Fact]
    public void AnyText_IsCutAsTheReferenceExpressionCutsIt()
    {
        var fragment = Gen.OneOf(
            Gen.String[Gen.Char["AaBbUSXZéÉ.'’-\" “”0123456789,;:!?()\u00A0\t\n\u0301½Ⅻ"], 1, 6],
            Gen.OneOf("Mr", "Mrs", "Dr", "vs", "Colo", "Co", "Corp", "No", "Nos", "St", "U", "S", ".", ". ", "  ", "A. ", "U.S.", "Jan"));
        Check.Sample(fragment.Array[1, 12].Select(string.Concat), AssertSameAsReference, iter: 5_000);
    }

    private static void AssertSameAsReference(string text)
    {
        var expected = ReferencePattern().Matches(text)
            .Select(m => (text.Substring(m.Index, m.Length), m.Index, char.IsLetterOrDigit(text[m.Index]) || char.GetUnicodeCategory(text[m.Index]) is System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherNumber))
            .ToList();
        var actual = TextTokens.Tokenize(text).Select(t => (t.Text, t.Start, t.IsWord)).ToList();
        Assert.Equal(expected, actual);
    }

    // The expression the scanner replaced, verbatim.
    [GeneratedRegex(
        @"\p{Lu}\.(?:\p{Lu}\.)+"
        + @"|(?:Dr|Mr|Mrs|Ms|Mx|Prof|Gen|Lt|Col|Maj|Sgt|Capt|Cpl|Adm|Cmdr|Sen|Rep|Gov|Jr|Sr|St|Rev|Hon|Pres|Sec|Supt|Insp|Det|Amb|No|Nos|Inc|Corp|Co|Ltd|Bros|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mt|Ft|Ave|Blvd|Calif|Fla|Ariz|Mich|Minn|Wis|Conn|Tenn|Nev|Colo|Okla|Kan|Neb)\.(?=\s)"
        + @"|\p{Lu}\.(?=\s+\p{Lu})"
        + @"|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*"
        + @"|[^\s\p{L}\p{N}]",
        RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
