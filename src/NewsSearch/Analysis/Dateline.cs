using System.Globalization;
using System.Text;

namespace NewsSearch.Analysis;

/// <summary>
/// One place, however it is capitalised or spaced: <c>NEW YORK</c>, <c>New York</c> and <c>New  york</c> share
/// one <see cref="Key"/> (used for filters and counts) and one <see cref="Display"/> form (used in output).
/// </summary>
public static class Dateline
{
    /// <summary>
    /// The comparison key of a place: trimmed, inner white space collapsed, leading marks and trailing punctuation
    /// dropped, lower case.
    /// </summary>
    public static string Key(string place) => Collapse(place).ToLowerInvariant();

    /// <summary>
    /// The one readable form of a place: each word capitalised ("DES MOINES, Iowa" becomes "Des Moines, Iowa"),
    /// dotted abbreviations upper-cased ("u.s." becomes "U.S.").
    /// </summary>
    public static string Display(string place)
    {
        var key = Key(place);
        var result = new StringBuilder(key.Length);
        var startOfWord = true;
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            var dottedAbbreviation = i + 1 < key.Length && key[i + 1] == '.' && (startOfWord || (i > 0 && key[i - 1] == '.'));
            result.Append(startOfWord || dottedAbbreviation ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
            startOfWord = c is ' ' or '-' or '(' or '/' or '\'' && !(c == '\'' && i + 1 < key.Length && key[i + 1] == 's');
        }
        return result.ToString();
    }

    private static string Collapse(string place)
    {
        var builder = new StringBuilder(place.Length);
        var pendingSpace = false;
        // Wire services flag urgent copy with asterisks before the place ("****LONDON"): the place is still London.
        foreach (var c in place.Trim().TrimStart('*', '-', '\u2013', '\u2014', ' '))
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        // "WASHINGTON," or "LONDON -" as cut from wire copy name the same place as "WASHINGTON".
        while (builder.Length > 0 && (builder[^1] is ',' or ';' or ':' or '-' or '\u2013' or '\u2014' || char.IsWhiteSpace(builder[^1])))
        {
            builder.Length--;
        }
        return builder.ToString();
    }
}
