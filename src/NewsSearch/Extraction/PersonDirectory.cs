namespace NewsSearch.Extraction;

/// <summary>A person's gender as far as the article tells it (honorifics, gendered roles, common given names).</summary>
internal enum Gender
{
    Unknown,
    Male,
    Female,
}

/// <summary>
/// The people an article names, each under the fullest form of the name it uses, with what the article says they
/// are (titles and roles, for "the minister") and their gender when it shows (for "he" and "she").
/// </summary>
internal sealed class PersonDirectory
{
    private readonly List<Entry> entries = [];
    private readonly Dictionary<string, Entry> byName = new(StringComparer.Ordinal);

    // Names the article also uses for a company: "Merrill Lynch" after "Merrill Lynch Capital Markets" or "Merrill
    // Lynch and Co". Two words at least: "Ford" of "Ford Motor Co" may still be Bill Ford.
    private readonly HashSet<string> organisations = new(StringComparer.Ordinal);

    /// <summary>Every place a person is named, in text order: the canonical name and whether it opens its sentence (a likely subject).</summary>
    public List<(int Position, string Name, bool SentenceSubject)> Occurrences { get; } = [];

    public static PersonDirectory Build(ArticleText text)
    {
        var directory = new PersonDirectory();
        var found = new List<(PersonName Name, int Start, bool Subject)>();
        var people = new HashSet<string>(StringComparer.Ordinal);
        var run = new List<string>();
        var t = 0;
        while (t < text.Count)
        {
            if (!PersonNames.CanBePartOfName(text[t]))
            {
                t++;
                continue;
            }
            var first = t;
            run.Clear();
            while (t < text.Count && PersonNames.CanBePartOfName(text[t]) && text.Paragraph[t] == text.Paragraph[first])
            {
                run.Add(text[t].Text);
                t++;
                if (PersonNames.IsPossessive(run[^1]))
                {
                    // "Donald Trump's campaign": the name ends at the possessive.
                    break;
                }
            }
            if (run.Count < 2)
            {
                // A lone capitalised word is never registered: a name needs two words, or a title and a word.
                continue;
            }
            run[^1] = PersonNames.StripPossessive(run[^1]);
            directory.NoteOrganisation(run, text, t);
            if (PersonNames.Parse(run) is { } name && (name.Words.Length > 1 || name.Titled))
            {
                var subject = first == text.SentenceStart(first) || (first > 0 && text[first - 1].IsWord && Lexicon.Determiners.Contains(text[first - 1].Text) && first - 1 == text.SentenceStart(first));
                found.Add((name, text[first].Start, subject));
                if (name.Titled || DescribedAsPerson(text, t))
                {
                    // "GAMCO Chairman Mario Gabelli", "Mario Gabelli, head of ... Mario Gabelli and Co": a person
                    // with a firm of the same name.
                    people.Add(name.Text);
                }
            }
        }

        directory.organisations.ExceptWith(people);
        found.RemoveAll(f => directory.organisations.Contains(f.Name.Text));

        // Register longer names first so that a shorter form already knows the fullest one it belongs to.
        foreach (var (name, start, _) in found.OrderByDescending(f => f.Name.Words.Length).ThenBy(f => f.Start))
        {
            directory.Register(name, start);
        }
        foreach (var (name, start, subject) in found)
        {
            if (directory.Canonical(name.Words, start, titled: name.Titled) is { } canonical)
            {
                directory.Occurrences.Add((start, canonical, subject));
            }
        }
        return directory;
    }

    /// <summary>
    /// The canonical name for a mention: the fullest form in the article that holds the mention's words in order
    /// ("Zelenskiy" and "Volodymyr Zelenskiy"; "Qin" and "Qin Gang"), preferring the person named first when two
    /// share a surname. A one-word mention without a fuller form counts only when a title marks it as a person
    /// ("President Obama"): a bare capitalised word before "said" is as often a country or a company.
    /// </summary>
    public string? Canonical(string[] words, int position, bool titled)
    {
        Entry? best = null;
        foreach (var entry in entries)
        {
            if (!IsSubsequence(words, entry.Words))
            {
                continue;
            }
            if (best is null || Better(entry, best, position))
            {
                best = entry;
            }
        }
        if (best is not null)
        {
            return best.Fullest().Name;
        }
        if (organisations.Count > 0 && organisations.Contains(string.Join(' ', words)))
        {
            return null;
        }
        if (words.Length > 1 || titled)
        {
            return string.Join(' ', words);
        }
        return null;
    }

    /// <summary>Titles, roles and qualifiers the article gives the person, lower case ("foreign", "minister").</summary>
    public IReadOnlySet<string> Descriptors(string canonical) =>
        byName.TryGetValue(canonical, out var entry) ? entry.Descriptors : new HashSet<string>();

    public Gender GenderOf(string canonical) => byName.TryGetValue(canonical, out var entry) ? entry.Gender : Gender.Unknown;

    /// <summary>Whether an appositive that gives a person's role follows the name ending before <paramref name="after"/>: ", head of", ", the chairman,".</summary>
    private static bool DescribedAsPerson(ArticleText text, int after)
    {
        if (after >= text.Count || !text[after].Is(","))
        {
            return false;
        }
        for (var k = after + 1; k < text.Count && k <= after + 3; k++)
        {
            if (!text[k].IsWord)
            {
                return false;
            }
            if (Lexicon.PersonRoles.Contains(text[k].Text))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Records the leading words of a run as a company's name when a word that only organisations have follows them
    /// ("Merrill Lynch Capital Markets"), when the run is followed by "and Co" or "&amp; Co", or when it describes a
    /// company by where it is based ("Frankfurt-based Deutsche Boerse").
    /// </summary>
    private void NoteOrganisation(List<string> run, ArticleText text, int after)
    {
        var end = run.FindIndex(PersonNames.IsCompanyWord);
        if (end < 0 && after + 1 < text.Count && text[after].Text is "and" or "&" && text[after + 1].Text is "Co" or "Co." or "Cos" or "Company")
        {
            end = run.Count;
        }
        var start = 0;
        if (PersonNames.IsCompanyDescription(run[0]))
        {
            // "Frankfurt-based Deutsche Boerse": what follows is a company, wherever else the article names it.
            (start, end) = (1, end < 0 ? run.Count : end);
        }
        while (start < end && PersonNames.IsQualifier(run[start]))
        {
            start++;
        }
        if (end - start >= 2)
        {
            organisations.Add(string.Join(' ', run.Skip(start).Take(end - start)));
        }
    }

    /// <summary>Adds what an appositive or a description says about a person ("Trump, the Republican nominee,").</summary>
    public void Describe(string canonical, IEnumerable<string> words)
    {
        if (!byName.TryGetValue(canonical, out var entry))
        {
            return;
        }
        foreach (var word in words)
        {
            AddDescriptor(entry, word);
        }
    }

    private static bool Better(Entry candidate, Entry current, int position)
    {
        var candidateBefore = candidate.FirstSeen <= position;
        var currentBefore = current.FirstSeen <= position;
        if (candidateBefore != currentBefore)
        {
            return candidateBefore;
        }
        return candidate.FirstSeen < current.FirstSeen;
    }

    private void Register(PersonName name, int position)
    {
        var text = name.Text;
        if (!byName.TryGetValue(text, out var entry))
        {
            entry = new Entry(text, name.Words, position);
            foreach (var longer in entries)
            {
                if (longer.Words.Length > name.Words.Length && IsSubsequence(name.Words, longer.Words) && entry.LongerForm is null)
                {
                    entry.LongerForm = longer;
                }
            }
            entries.Add(entry);
            byName[text] = entry;
            entry.Gender = GenderFromGivenName(name.Words);
        }
        entry.FirstSeen = Math.Min(entry.FirstSeen, position);
        var target = entry.Fullest();
        foreach (var qualifier in name.Qualifiers)
        {
            AddDescriptor(entry, qualifier);
            AddDescriptor(target, qualifier);
        }
        if (target != entry && target.Gender == Gender.Unknown)
        {
            target.Gender = entry.Gender;
        }
    }

    private static void AddDescriptor(Entry entry, string word)
    {
        var lower = PersonNames.StripPossessive(word).ToLowerInvariant();
        entry.Descriptors.Add(lower);
        if (Lexicon.RoleAbbreviations.TryGetValue(lower, out var expanded))
        {
            entry.Descriptors.UnionWith(expanded);
        }
        if (entry.Gender == Gender.Unknown)
        {
            entry.Gender = Lexicon.FemaleMarkers.Contains(lower) ? Gender.Female : Lexicon.MaleMarkers.Contains(lower) ? Gender.Male : Gender.Unknown;
        }
    }

    private static Gender GenderFromGivenName(string[] words)
    {
        if (words.Length < 2)
        {
            return Gender.Unknown;
        }
        var given = words[0];
        if (Lexicon.FemaleNames.Contains(given))
        {
            return Gender.Female;
        }
        return Lexicon.MaleNames.Contains(given) ? Gender.Male : Gender.Unknown;
    }

    /// <summary>Whether <paramref name="needle"/> appears in <paramref name="haystack"/> in order, gaps allowed ("Donald Trump" in "Donald J. Trump").</summary>
    private static bool IsSubsequence(string[] needle, string[] haystack)
    {
        if (needle.Length > haystack.Length)
        {
            return false;
        }
        var k = 0;
        foreach (var word in haystack)
        {
            if (k < needle.Length && SameNameWord(word, needle[k]))
            {
                k++;
            }
        }
        return k == needle.Length;
    }

    /// <summary>Whether two words of names are the same word, with or without a hyphenated article: "Assad" and "al-Assad".</summary>
    private static bool SameNameWord(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }
        var (prefixA, prefixB) = (PersonNames.PrefixLength(a), PersonNames.PrefixLength(b));
        return (prefixA > 0 || prefixB > 0) && a.AsSpan(prefixA).SequenceEqual(b.AsSpan(prefixB));
    }

    private sealed class Entry(string name, string[] words, int firstSeen)
    {
        public string Name { get; } = name;

        public string[] Words { get; } = words;

        public int FirstSeen { get; set; } = firstSeen;

        public Entry? LongerForm { get; set; }

        public HashSet<string> Descriptors { get; } = new(StringComparer.Ordinal);

        public Gender Gender { get; set; }

        public Entry Fullest()
        {
            var entry = this;
            while (entry.LongerForm is not null)
            {
                entry = entry.LongerForm;
            }
            return entry;
        }
    }
}
