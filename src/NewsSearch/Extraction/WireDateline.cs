using System.Text;
using System.Text.RegularExpressions;

namespace NewsSearch.Extraction;

/// <summary>A wire dateline found at the start of a text: the place, and the text that follows it.</summary>
/// <param name="Place">The place only ("DES MOINES, Iowa"): the agency and the month and day are left out.</param>
/// <param name="Rest">The text after the dateline and its dash.</param>
internal readonly record struct WireDatelineMatch(string Place, string Rest);

/// <summary>
/// Finds the dateline a wire story opens with: <c>NEW YORK, March 3 -</c>, <c>WASHINGTON (Reuters) -</c>,
/// <c>LONDON, Feb 26 (AP) —</c>, <c>Beirut (AFP) –</c>, <c>MEXICO CITY, Feb. 8 (UPI) —</c>,
/// <c>DES MOINES, Iowa, April 9 -</c>, <c>WASHINGTON —</c>. Pure and thread-safe.
/// </summary>
internal static partial class WireDateline
{
    private const int MaxPlaceLength = 60;

    // Between the words of a place: spaces, tabs and the no-break space some sites put there, never a line break.
    private const string Space = @"[ \t\u00A0]+";

    private const string OptionalSpace = @"[ \t\u00A0]*";

    // "NEW", "ST.", "N'DJAMENA", "WINSTON-SALEM", "DALLAS/FORT": every letter upper case.
    private const string UpperWord = @"\p{Lu}[\p{Lu}\p{M}.'’/\-]*";

    // "Beirut", "N.Y.", "Colo.": starts upper case.
    private const string CapitalWord = @"\p{Lu}[\p{L}\p{M}.'’/\-]*";

    // Any case: when a date or an agency marks the dateline, Reuters' "Mexico city", "des moines" and "Puerto rico"
    // are places too.
    private const string AnyWord = @"\p{L}[\p{L}\p{M}.'’/\-]*";

    // A state, province or country after the city: "Iowa", "N.Y.", "W. Va.", "British Columbia", "the Netherlands".
    private const string Region = "(?:the" + Space + ")?" + CapitalWord + "(?:" + Space + CapitalWord + "){0,2}";

    private const string LooseRegion = "(?:the" + Space + ")?" + CapitalWord + "(?:" + Space + AnyWord + "){0,2}";

    private const string Comma = OptionalSpace + "," + OptionalSpace;

    // Month names as the Reuters converter reads them: any word that starts like one, so the wire's typos
    // ("Marchg 12", "Junee 2") still read as dates.
    private const string Month = @"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\.?";

    // "March 3", "Feb. 8", "Feb 26", "April 9, 1987", "2 March"; Reuters sometimes adds its name: "March 12, Reuter".
    private const string MonthDay =
        "(?:" + Month + OptionalSpace + @"\d{1,2}(?!\d)|\d{1,2}" + Space + Month + ")"
        + "(?:" + Comma + @"\d{4})?(?:" + Comma + "(?i:reuters?))?";

    // Named agencies only: a bare parenthesis after a name is as often a party and state ("Rubio (R-Fla.) -").
    private const string Agency = @"\((?:AP|UPI|AFP|Reuters?(?:[ \t]Health)?|CNN|dpa|DPA|Xinhua|Bloomberg|EFE|ANSA|Kyodo|TASS|PTI|IANS|CP|AAP|Sputnik|Yonhap)\)";

    // After a date or an agency any dash will do, spaced or not ("Feb 26-", "(AFP) –"); a stray comma before it too.
    private const string LooseDash = "(?:" + Comma + ")?" + OptionalSpace + @"(?:-{1,3}|[—–―])" + OptionalSpace;

    // Without a date or agency a hyphen must stand apart, so "WINSTON-SALEM" or "U.S.-China" are not cut.
    private const string StrictDash = "(?:" + Comma + ")?" + @"(?:[ \t\u00A0]+-{1,3}[ \t\u00A0]+|[ \t\u00A0]*[—–―][ \t\u00A0]*|[ \t\u00A0]+-{2,3}[ \t\u00A0]*)";

    private const string Pattern =
        @"^\s*\**" + OptionalSpace + "(?:"
        // A date, an agency or both: the place may be written in any case.
        + "(?<place>" + AnyWord + "(?:" + Space + AnyWord + "){0,4}" + "(?:" + Comma + LooseRegion + "){0,2})"
        + "(?:" + "(?:" + Comma + "|" + Space + ")" + MonthDay + "(?:" + OptionalSpace + Agency + ")?|" + OptionalSpace + Agency + ")"
        + LooseDash
        // Only a dash: an ordinary sentence can open with a name and a dash ("Mehmet Oz — surgeon"), so the city
        // must be in capitals, as wire copy prints it.
        + "|(?<bare>" + UpperWord + "(?:" + Space + UpperWord + "){0,4}" + "(?:" + Comma + Region + "){0,2})" + StrictDash
        + ")"
        // "LOUISVILLE, Colo. - March 16 -": a date after the dash belongs to the dateline too.
        + "(?<date>" + MonthDay + LooseDash + ")?";

    // Slugs that open wire copy in capitals like a place but are not one.
    private static readonly HashSet<string> Slugs = new(StringComparer.Ordinal)
    {
        "CORRECTION", "CORRECTED", "RPT", "REPEAT", "REFILE", "UPDATE", "UPDATED", "URGENT", "FLASH", "BULLETIN",
        "ADVISORY", "EDITORS", "NOTE", "WRAPUP", "ANALYSIS", "FEATURE", "EXCLUSIVE", "BREAKING",
    };

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex DatelinePattern();

    /// <summary>The dateline <paramref name="text"/> opens with, or <c>null</c> when it opens with none.</summary>
    public static WireDatelineMatch? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = DatelinePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var bare = match.Groups["bare"];
        var place = Collapse(bare.Success ? bare.Value : match.Groups["place"].Value);
        var rest = text[match.Length..].TrimStart();
        if (place.Length > MaxPlaceLength || rest.Length == 0 || (bare.Success && !match.Groups["date"].Success && !LooksLikeStory(place, rest)))
        {
            return null;
        }
        return new WireDatelineMatch(place, rest);
    }

    /// <summary>
    /// Whether capitals and a dash open a story ("TOKYO - The Bank of Japan said") rather than a headline or a
    /// table ("LONDON GOLD - APRIL 7 418.70 DLRS", "CORRECTION - THREE CONVICTED IN TRIAL"): a slug is not a
    /// place, a date after the dash dates a headline, and story text has lower-case words straight away.
    /// </summary>
    private static bool LooksLikeStory(string place, string rest)
    {
        var first = place.Split(' ', ',')[0];
        if (Slugs.Contains(first) || LeadingDatePattern().IsMatch(rest))
        {
            return false;
        }
        var words = rest.Split([' ', '\t', '\n', '\r', '\u00A0'], 4, StringSplitOptions.RemoveEmptyEntries);
        return words.Take(3).Any(word => word.Any(char.IsLower));
    }

    [GeneratedRegex("^" + MonthDay + @"\b", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingDatePattern();

    /// <summary>
    /// The article with the dateline its body opens with moved into <see cref="Article.Dateline"/>, when it has no
    /// dateline of its own and its body opens with one; otherwise the article itself.
    /// </summary>
    public static Article Apply(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Dateline.Length > 0 || Find(article.Body) is not { } found)
        {
            return article;
        }
        return new Article(article.Id, article.Date, found.Place, found.Rest) { Title = article.Title, Source = article.Source };
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var part in text.Split([' ', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(builder.Length > 0 ? " " : "").Append(part);
        }
        return builder.ToString().TrimEnd(',', ' ');
    }
}
