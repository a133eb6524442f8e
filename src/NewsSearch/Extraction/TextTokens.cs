using System.Text.RegularExpressions;

namespace NewsSearch.Extraction;

/// <summary>A word or punctuation mark of an article body, with its character offsets.</summary>
internal readonly record struct TextToken(string Text, int Start, bool IsWord)
{
    public int End => Start + Text.Length;

    public bool IsCapitalized => IsWord && char.IsUpper(Text[0]);
}

/// <summary>Cuts text into words and punctuation, keeping abbreviations such as "U.S." and "Dr." whole.</summary>
internal static partial class TextTokens
{
    public static List<TextToken> Tokenize(string text)
    {
        var tokens = new List<TextToken>();
        foreach (Match match in TokenPattern().Matches(text))
        {
            tokens.Add(new TextToken(match.Value, match.Index, match.Groups["word"].Success));
        }
        return tokens;
    }

    [GeneratedRegex(@"(?<word>\p{Lu}\.(?:\p{Lu}\.)+|(?:Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Sen|Rep|Gov|Sgt|Capt|Maj|Adm|Jr|Sr|St)\.(?=\s)|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*)|(?<punct>[^\s\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
