using System.Text.RegularExpressions;

namespace NewsSearch.Extraction;

/// <summary>A word or punctuation mark of an article body, with its character offsets.</summary>
internal readonly record struct TextToken(string Text, int Start, bool IsWord)
{
    public int End => Start + Text.Length;

    public bool IsCapitalized => IsWord && char.IsUpper(Text[0]);

    /// <summary>A double quotation mark in any of its typographic forms.</summary>
    public bool IsDoubleQuote => !IsWord && Text.Length == 1 && TextTokens.IsDoubleQuote(Text[0]);

    public bool Is(string text) => string.Equals(Text, text, StringComparison.Ordinal);
}

/// <summary>Cuts text into words and punctuation, keeping abbreviations such as "U.S.", "Dr." and initials whole.</summary>
internal static partial class TextTokens
{
    public static List<TextToken> Tokenize(string text)
    {
        var tokens = new List<TextToken>(text.Length / 5);
        foreach (var match in TokenPattern().EnumerateMatches(text))
        {
            var value = text.Substring(match.Index, match.Length);
            tokens.Add(new TextToken(value, match.Index, char.IsLetterOrDigit(value[0])));
        }
        return tokens;
    }

    /// <summary>Straight, curly and low double quotation marks: news text mixes them, sometimes in one quotation.</summary>
    public static bool IsDoubleQuote(char c) => c is '"' or '“' or '”' or '„' or '‟' or '″';

    // Abbreviations keep their dot so that "Mr. Obama" and "Sen. Graham" stay inside one name and the dot is not
    // read as the end of a sentence. A lone capital with a dot before another capitalised word is an initial.
    [GeneratedRegex(
        @"\p{Lu}\.(?:\p{Lu}\.)+"
        + @"|(?:Dr|Mr|Mrs|Ms|Mx|Prof|Gen|Lt|Col|Maj|Sgt|Capt|Cpl|Adm|Cmdr|Sen|Rep|Gov|Jr|Sr|St|Rev|Hon|Pres|Sec|Supt|Insp|Det|Amb|No|Nos|Inc|Corp|Co|Ltd|Bros|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mt|Ft|Ave|Blvd|Calif|Fla|Ariz|Mich|Minn|Wis|Conn|Tenn|Nev|Colo|Okla|Kan|Neb)\.(?=\s)"
        + @"|\p{Lu}\.(?=\s+\p{Lu})"
        + @"|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*"
        + @"|[^\s\p{L}\p{N}]",
        RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
