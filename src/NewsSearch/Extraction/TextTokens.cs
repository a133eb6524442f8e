using System.Globalization;

namespace NewsSearch.Extraction;

/// <summary>A word or punctuation mark of an article body, with its character offsets and the kinds of cue its word is.</summary>
internal readonly record struct TextToken(string Text, int Start, bool IsWord, CueKind Cue)
{
    public int End => Start + Text.Length;

    public bool IsCapitalized => IsWord && char.IsUpper(Text[0]);

    /// <summary>A double quotation mark in any of its typographic forms.</summary>
    public bool IsDoubleQuote => !IsWord && Text.Length == 1 && TextTokens.IsDoubleQuote(Text[0]);

    public bool Is(string text) => string.Equals(Text, text, StringComparison.Ordinal);
}

/// <summary>Cuts text into words and punctuation, keeping abbreviations such as "U.S.", "Dr." and initials whole.</summary>
/// <remarks>
/// A hand-written scanner: the regular expression it replaces (kept in the tests as the reference it must agree with)
/// tried its list of abbreviations at every token and took a quarter of the extraction's time. At each position,
/// in this order: initials with dots ("U.S."), a known abbreviation followed by a space ("Mr. Obama"), a capital with
/// a dot before a capitalised word (an initial), a word (a letter or number, then letters, marks, numbers,
/// apostrophes and hyphens), or any other single character that is not a space.
/// </remarks>
internal static class TextTokens
{
    // Abbreviations keep their dot so that "Mr. Obama" and "Sen. Graham" stay inside one name and the dot is not
    // read as the end of a sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "Gen", "Lt", "Col", "Maj", "Sgt", "Capt", "Cpl", "Adm", "Cmdr", "Sen", "Rep",
        "Gov", "Jr", "Sr", "St", "Rev", "Hon", "Pres", "Sec", "Supt", "Insp", "Det", "Amb", "No", "Nos", "Inc", "Corp", "Co",
        "Ltd", "Bros", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft",
        "Ave", "Blvd", "Calif", "Fla", "Ariz", "Mich", "Minn", "Wis", "Conn", "Tenn", "Nev", "Colo", "Okla", "Kan", "Neb",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    // Commas and full stops are among the commonest tokens: one shared string for each single ASCII character
    // instead of a new one per occurrence.
    private static readonly string[] OneCharacter = Enumerable.Range(0, 128).Select(c => ((char)c).ToString()).ToArray();

    public static List<TextToken> Tokenize(string text)
    {
        var tokens = new List<TextToken>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var end = TokenEnd(text, i);
            var isWord = IsLetterOrNumber(text[i]);
            var word = end - i == 1 && char.IsAscii(text[i]) ? OneCharacter[text[i]] : text.Substring(i, end - i);
            tokens.Add(new TextToken(word, i, isWord, isWord ? Lexicon.CueKindOf(word) : CueKind.None));
            i = end;
        }
        return tokens;
    }

    /// <summary>Straight, curly and low double quotation marks: news text mixes them, sometimes in one quotation.</summary>
    public static bool IsDoubleQuote(char c) => c is '"' or '“' or '”' or '„' or '‟' or '″';

    /// <summary>Where the token that starts at <paramref name="start"/> (not a space) ends.</summary>
    private static int TokenEnd(string text, int start)
    {
        var first = text[start];
        // Where the word scan below may resume: the ASCII letters the abbreviation check read are word parts.
        var scanned = start + 1;
        if (char.IsUpper(first) && At(text, start + 1) == '.')
        {
            // Initials: two or more capitals, each with its dot.
            var end = start + 2;
            while (char.IsUpper(At(text, end)) && At(text, end + 1) == '.')
            {
                end += 2;
            }
            if (end > start + 2)
            {
                return end;
            }
            // An initial: a capital with a dot, then spaces and a capital. (No abbreviation is one letter, so none can
            // start here.)
            var next = end;
            while (char.IsWhiteSpace(At(text, next)))
            {
                next++;
            }
            if (next > end && char.IsUpper(At(text, next)))
            {
                return end;
            }
        }
        else if (char.IsAsciiLetter(first))
        {
            var letters = start + 1;
            while (char.IsAsciiLetter(At(text, letters)))
            {
                letters++;
            }
            if (At(text, letters) == '.' && char.IsWhiteSpace(At(text, letters + 1))
                && AbbreviationLookup.Contains(text.AsSpan(start, letters - start)))
            {
                return letters + 1;
            }
            scanned = letters;
        }
        if (IsLetterOrNumber(first))
        {
            var end = scanned;
            while (end < text.Length && IsWordPart(text[end]))
            {
                end++;
            }
            return end;
        }
        return start + 1;
    }

    /// <summary>The character at <paramref name="index"/>, or NUL past the end (no rule accepts NUL).</summary>
    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    // ASCII first: no ASCII character is a letter or number outside [A-Za-z0-9], nor a combining mark.
    private static bool IsLetterOrNumber(char c) => char.IsAscii(c) ? char.IsAsciiLetterOrDigit(c) : char.GetUnicodeCategory(c) is >= UnicodeCategory.UppercaseLetter and <= UnicodeCategory.OtherLetter
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    private static bool IsWordPart(char c) => c is '\'' or '’' or '-' || IsLetterOrNumber(c)
        || (!char.IsAscii(c) && char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
}
