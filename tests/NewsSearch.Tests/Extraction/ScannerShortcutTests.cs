using System.Text.RegularExpressions;
using CsCheck;
using NewsSearch.Extraction;

namespace NewsSearch.Tests.Extraction;

/// <summary>
/// Extraction reads every word of every article, so its scanners take shortcuts: a cue is ruled out by its length
/// and its first and last letters before any lookup, and paragraphs are cut by searching for line breaks. Each
/// shortcut must give the answer of the plain definition it stands in for, on any input.
/// </summary>
public partial class ScannerShortcutTests
{
    private static readonly string[] Cues = [.. Lexicon.SpeechCues, .. Lexicon.QuotationCues, .. Lexicon.ParticipleCues];

    [Fact]
    public void EveryCue_InAnyCase_IsFoundAsTheTableFindsIt()
    {
        foreach (var cue in Cues)
        {
            foreach (var form in new[] { cue, cue.ToUpperInvariant(), char.ToUpperInvariant(cue[0]) + cue[1..], cue.Replace('\'', '’') })
            {
                Assert.NotEqual(CueKind.None, Lexicon.CueKindOf(form));
                Assert.Equal(Lexicon.LookUpCueKind(form), Lexicon.CueKindOf(form));
            }
        }
    }

    [Fact]
    public void AnyWord_HasTheCueKindOfTheTable_AlsoAsAToken()
    {
        var word = Gen.OneOf(
            Gen.String[Gen.Char["asidetoclrwnASIDEK’'\u212A-é"], 1, 12],
            Gen.Int[0, Cues.Length - 1].Select(i => Cues[i]).SelectMany(cue => Gen.Int[0, cue.Length - 1].Select(cut => cue[..cut] + cue[(cut + 1)..])));
        Check.Sample(word, w =>
        {
            Assert.Equal(Lexicon.LookUpCueKind(w), Lexicon.CueKindOf(w));
            if (TextTokens.Tokenize(w) is [{ IsWord: true } token] && token.Text == w)
            {
                Assert.Equal(Lexicon.LookUpCueKind(w), token.Cue);
            }
        }, iter: 5_000);
    }

    [Fact]
    public void AnyBody_IsCutIntoTheParagraphsTheDefinitionGives()
    {
        var body = Gen.String[Gen.Char["ab \n\n\n\t\r\u00A0\u2028\""], 0, 40];
        Check.Sample(body, b => Assert.Equal(ReferenceParagraphs(b), QuotationMarks.Paragraphs(b)), iter: 5_000);
    }

    [Theory]
    [InlineData("One.\n\nTwo.")]
    [InlineData("  One \n still one\n \t \nTwo\n\n")]
    [InlineData("\n\n\n")]
    [InlineData("")]
    public void Paragraphs_AreThoseTheDefinitionGives(string body) => Assert.Equal(ReferenceParagraphs(body), QuotationMarks.Paragraphs(body));

    // The definition, independent of either scan: a line break followed by a blank line (or the end) ends a
    // paragraph; a paragraph is what lies between two such breaks, without white space at either end, if anything.
    private static List<(int Start, int End)> ReferenceParagraphs(string body)
    {
        var paragraphs = new List<(int, int)>();
        var from = 0;
        foreach (var end in ParagraphBreak().Matches(body).Select(m => m.Index).Append(body.Length))
        {
            var (start, stop) = (from, end);
            while (start < stop && char.IsWhiteSpace(body[start]))
            {
                start++;
            }
            while (stop > start && char.IsWhiteSpace(body[stop - 1]))
            {
                stop--;
            }
            if (start < stop)
            {
                paragraphs.Add((start, stop));
            }
            from = end;
        }
        return paragraphs;
    }

    [GeneratedRegex(@"\n(?=[^\S\n]*(?:\n|\z))")]
    private static partial Regex ParagraphBreak();
}
