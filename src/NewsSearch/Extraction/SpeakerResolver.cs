namespace NewsSearch.Extraction;

/// <summary>
/// Turns source mentions into canonical speaker names, in text order: a name to its fullest form, "he" or "she" to
/// the most recent named speaker of a compatible gender, a role ("the minister") to the most recent named speaker
/// the article gave that role. When nothing compatible came before, the mention stays unresolved: never guessed.
/// </summary>
internal sealed class SpeakerResolver(ArticleText text)
{
    // Built on the first mention that needs it: most wire stories attribute nothing, or only to "the company" or
    // "officials", and then the article's names are never looked up.
    private PersonDirectory? people;

    // Named speakers so far, by the position of the mention that named or resolved to them.
    private readonly List<(int Position, string Name)> spoken = [];

    public string? Resolve(Mention mention)
    {
        var position = text[mention.First].Start;
        var speaker = mention.Kind switch
        {
            MentionKind.Name => ResolveName(mention, position),
            MentionKind.Pronoun => ResolvePronoun(mention.Head!, position),
            MentionKind.Role => ResolveRole(mention, position),
            MentionKind.Relative when mention.Antecedent is { } antecedent and { Kind: not MentionKind.Relative } => Resolve(antecedent),
            _ => null,
        };
        if (speaker is not null)
        {
            spoken.Add((position, speaker));
        }
        return speaker;
    }

    private string? ResolveName(Mention mention, int position)
    {
        var name = mention.Name!;
        var canonical = People.Canonical(name.Words, position, name.Titled);
        if (canonical is not null)
        {
            People.Describe(canonical, mention.Descriptors);
        }
        return canonical;
    }

    private string? ResolvePronoun(string pronoun, int position)
    {
        var wanted = pronoun switch
        {
            "he" => Gender.Male,
            "she" => Gender.Female,
            _ => Gender.Unknown,
        };
        if (wanted == Gender.Unknown)
        {
            // "they", "we", "I", "it": a group, the writer, an organisation; not one named person.
            return null;
        }
        return MostRecent(position, name => People.GenderOf(name) is var gender && (gender == wanted || gender == Gender.Unknown));
    }

    private string? ResolveRole(Mention mention, int position)
    {
        var head = mention.Head!;
        var roleWords = Lexicon.RoleAbbreviations.TryGetValue(head, out var expanded) ? expanded : [head];
        var female = Lexicon.FemaleMarkers.Contains(head);
        var male = Lexicon.MaleMarkers.Contains(head);
        return MostRecent(position, name =>
        {
            var gender = People.GenderOf(name);
            if ((female && gender == Gender.Male) || (male && gender == Gender.Female))
            {
                return false;
            }
            var descriptors = People.Descriptors(name);
            return roleWords.Any(descriptors.Contains);
        });
    }

    /// <summary>
    /// The most recent compatible person before <paramref name="position"/>: a named speaker, or a person named at
    /// the start of a sentence (a likely subject: "Trump arrived in Ohio. He said ...").
    /// </summary>
    private string? MostRecent(int position, Func<string, bool> compatible)
    {
        string? best = null;
        var bestPosition = -1;
        foreach (var (at, name) in spoken)
        {
            if (at < position && at > bestPosition && compatible(name))
            {
                best = name;
                bestPosition = at;
            }
        }
        foreach (var (at, name, subject) in People.Occurrences)
        {
            if (subject && at < position && at > bestPosition && compatible(name))
            {
                best = name;
                bestPosition = at;
            }
        }
        return best;
    }

    private PersonDirectory People => people ??= PersonDirectory.Build(text);
}
