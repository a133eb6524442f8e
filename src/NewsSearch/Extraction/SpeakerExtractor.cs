namespace NewsSearch.Extraction;

/// <summary>
/// Finds the people an article quotes or reports as speaking: a named person next to a speech verb ("Qin Gang
/// said", "said Qin Gang", "Qin Gang told reporters"), reduced to a canonical name. A later partial mention
/// ("Zelenskiy", "Qin") resolves to the fullest form of that name used in the article.
/// </summary>
public static class SpeakerExtractor
{
    // Speech verbs. A verb after its speaker ("X said"); the inverted form ("said X") is only read right after a
    // closing quotation mark, where the order is unambiguous. "told" is never inverted: "told Reuters" names the listener.
    private static readonly HashSet<string> Cues = new(StringComparer.Ordinal)
    {
        "said", "says", "told", "tells", "added", "adds", "stated", "states", "asked", "asks", "warned", "warns",
    };

    private static readonly HashSet<string> InvertibleCues = new(StringComparer.Ordinal)
    {
        "said", "says", "added", "adds", "stated", "asked", "asks", "warned", "warns",
    };

    // Words allowed between a speaker and the verb: "Qin also said", "Zelenskiy has warned".
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "also", "later", "then", "again", "earlier", "previously", "has", "had", "have", "would", "will", "once", "further",
        "often", "had", "has", "separately", "himself", "herself", "then",
    };

    /// <summary>Canonical names of the people who speak in <paramref name="body"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Extract(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var tokens = TextTokens.Tokenize(body);
        var fullNames = FindFullNames(tokens);
        var speakers = new List<string>();

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.IsWord || !Cues.Contains(token.Text))
            {
                continue;
            }

            var name = NameBefore(tokens, i);
            if (name is null && InvertibleCues.Contains(token.Text) && FollowsClosingQuote(tokens, i))
            {
                name = NameAfter(tokens, i);
            }
            if (name is null)
            {
                continue;
            }

            var canonical = Canonicalize(name, token.Start, fullNames);
            if (canonical is not null && !speakers.Contains(canonical, StringComparer.Ordinal))
            {
                speakers.Add(canonical);
            }
        }
        return speakers;
    }

    private static string? NameBefore(List<TextToken> tokens, int cue)
    {
        var j = cue - 1;
        for (var skipped = 0; skipped < 2 && j >= 0 && IsAuxiliary(tokens[j]); skipped++)
        {
            j--;
        }
        var run = new List<string>();
        while (j >= 0 && PersonNames.CanBePartOfName(tokens[j]))
        {
            run.Insert(0, tokens[j].Text);
            j--;
        }
        return run.Count == 0 ? null : PersonNames.ToPersonName(run);
    }

    private static string? NameAfter(List<TextToken> tokens, int cue)
    {
        var run = new List<string>();
        for (var j = cue + 1; j < tokens.Count && PersonNames.CanBePartOfName(tokens[j]); j++)
        {
            run.Add(tokens[j].Text);
        }
        return run.Count == 0 ? null : PersonNames.ToPersonName(run);
    }

    private static bool IsAuxiliary(TextToken token) =>
        token.IsWord && (Auxiliaries.Contains(token.Text) || (token.Text.Length > 4 && token.Text.EndsWith("ly", StringComparison.Ordinal) && char.IsLower(token.Text[0])));

    private static bool FollowsClosingQuote(List<TextToken> tokens, int cue)
    {
        static bool IsQuote(TextToken t) => !t.IsWord && t.Text is "\"" or "”" or "'" or "’";
        return cue >= 1 && IsQuote(tokens[cue - 1]) || cue >= 2 && tokens[cue - 1].Text == "," && IsQuote(tokens[cue - 2]);
    }

    /// <summary>Every multi-word person name in the text, with where it first appears.</summary>
    private static List<(string Name, string[] Words, int Start)> FindFullNames(List<TextToken> tokens)
    {
        var names = new List<(string, string[], int)>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (!PersonNames.CanBePartOfName(tokens[i]))
            {
                i++;
                continue;
            }
            var start = i;
            var run = new List<string>();
            while (i < tokens.Count && PersonNames.CanBePartOfName(tokens[i]))
            {
                run.Add(tokens[i].Text);
                i++;
            }
            if (PersonNames.ToPersonName(run) is { } name && name.Contains(' ', StringComparison.Ordinal))
            {
                names.Add((name, name.Split(' '), tokens[start].Start));
            }
        }
        return names;
    }

    /// <summary>
    /// Maps a mention to the fullest form of the name in the article: the latest fuller name before the mention,
    /// else the first one after it. A one-word mention that matches no fuller name is dropped: a bare capitalised
    /// word before "said" is as often a country or a company ("Japan said") as a person.
    /// </summary>
    private static string? Canonicalize(string name, int position, List<(string Name, string[] Words, int Start)> fullNames)
    {
        var words = name.Split(' ');
        (string Name, string[] Words, int Start)? best = null;
        foreach (var candidate in fullNames)
        {
            if (candidate.Words.Length <= words.Length || !ContainsInOrder(candidate.Words, words))
            {
                continue;
            }
            if (candidate.Start < position)
            {
                best = candidate;
            }
            else if (best is null)
            {
                best = candidate;
                break;
            }
        }
        if (best is { } found)
        {
            return found.Name;
        }
        return words.Length > 1 ? name : null;
    }

    private static bool ContainsInOrder(string[] haystack, string[] needle)
    {
        for (var start = 0; start + needle.Length <= haystack.Length; start++)
        {
            if (needle.Select((word, k) => string.Equals(haystack[start + k], word, StringComparison.Ordinal)).All(x => x))
            {
                return true;
            }
        }
        return false;
    }
}
