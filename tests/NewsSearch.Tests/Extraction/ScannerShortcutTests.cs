using CsCheck;
using NewsSearch.Extraction;

namespace NewsSearch.Tests.Extraction;

/// <summary>
/// Extraction reads every word of every article, so its scanners take shortcuts: a cue is ruled out by its length
/// and its first and last letters before any lookup, and paragraphs are cut by searching for line breaks. Each
/// shortcut must give the answer of the plain method it stands in for, on any input.
/// </summary>
public class ScannerShortcutTests
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
    public void AnyBody_IsCutIntoTheParagraphsOfThePlainScan()
    {
        var body = Gen.String[Gen.Char["ab \n\n\n\t\r\u00A0\u2028\""], 0, 40];
        Check.Sample(body, b => Assert.Equal(ReferenceParagraphs(b), QuotationMarks.Paragraphs(b)), iter: 5_000);
    }

    [Theory]
    [InlineData("One.\n\nTwo.")]
    [InlineData("  One \n still one\n \t \nTwo\n\n")]
    [InlineData("\n\n\n")]
    [InlineData("")]
    public void Paragraphs_AreThoseOfThePlainScan(string body) => Assert.Equal(ReferenceParagraphs(body), QuotationMarks.Paragraphs(body));

    // The character-by-character scan the line-break search replaced, verbatim.
    private static List<(int Start, int End)> ReferenceParagraphs(string body)
    {
        var paragraphs = new List<(int, int)>();
        var i = 0;
        while (i < body.Length)
        {
            while (i < body.Length && char.IsWhiteSpace(body[i]))
            {
                i++;
            }
            if (i >= body.Length)
            {
                break;
            }
            var start = i;
            var end = i;
            while (i < body.Length)
            {
                if (body[i] == '\n' && IsBlankLineAfter(body, i))
                {
                    break;
                }
                if (!char.IsWhiteSpace(body[i]))
                {
                    end = i + 1;
                }
                i++;
            }
            paragraphs.Add((start, end));
        }
        return paragraphs;
    }

    private static bool IsBlankLineAfter(string body, int newline)
    {
        for (var j = newline + 1; j < body.Length; j++)
        {
            if (body[j] == '\n')
            {
                return true;
            }
            if (!char.IsWhiteSpace(body[j]))
            {
                return false;
            }
        }
        return true;
    }
}
