namespace NewsSearch.Extraction;

/// <summary>What kind of source a mention is, which decides how it is resolved to a speaker.</summary>
internal enum MentionKind
{
    /// <summary>A name ("Qin Gang", "Zelenskiy", "China's Foreign Minister Qin Gang").</summary>
    Name,

    /// <summary>"he", "she": the most recent compatible named speaker.</summary>
    Pronoun,

    /// <summary>"the minister", "the new Chinese FM": the most recent named speaker who holds that role.</summary>
    Role,

    /// <summary>"who" after a noun: that noun is the source.</summary>
    Relative,

    /// <summary>Groups, organisations, anonymous people ("police", "Western strategists", "a source"): kept as the source, never a speaker.</summary>
    Unnamed,
}

/// <summary>A source as written in the text, with its tokens and what it may resolve to.</summary>
/// <param name="First">Its first token.</param>
/// <param name="Last">Its last token.</param>
/// <param name="Kind">How it resolves.</param>
/// <param name="Name">The name, for <see cref="MentionKind.Name"/>.</param>
/// <param name="Head">The noun or pronoun that decides compatibility ("minister", "she"), lower case.</param>
/// <param name="Descriptors">Lower-case words before the name or role ("campaign", "chairman"), for later role matches.</param>
/// <param name="Antecedent">For "who", the noun it stands for.</param>
internal sealed record Mention(int First, int Last, MentionKind Kind, PersonName? Name, string? Head, string[] Descriptors, Mention? Antecedent = null);

/// <summary>
/// Finds the noun phrase that is the source of a cue: the subject before it ("the minister told"), the phrase after
/// an inverted cue ("said Qin Gang") or after "according to". Noun phrases are read with word lists instead of a
/// parser: a phrase ends at punctuation, a clause word, a preposition or another verb of speech.
/// </summary>
internal static class SourcePhrases
{
    private const int MaxPhraseTokens = 9;

    private static readonly HashSet<string> NounsEndingInLy = new(StringComparer.Ordinal)
    {
        "family", "ally", "assembly", "supply", "rally", "daily", "weekly", "monthly", "quarterly", "bully", "anomaly",
        "monopoly", "reply", "homily", "folly",
    };

    /// <summary>The subject of the cue at <paramref name="cue"/>: the phrase that ends right before it.</summary>
    public static Mention? SubjectBefore(ArticleText text, int cue)
    {
        var j = SkipBackOverAuxiliaries(text, cue - 1);
        if (j < 0 || !text.SameSentence(j, cue) || text.InQuote(j))
        {
            return null;
        }
        if (text[j].Is(")"))
        {
            // "Sen. Lindsey Graham (R-S.C.) said"
            var open = j;
            while (open > 0 && !text[open].Is("(") && cue - open < 12)
            {
                open--;
            }
            j = text[open].Is("(") ? open - 1 : -1;
        }
        else if (text[j].Text is "," or "—" or "–" or "-")
        {
            // "Trump, the Republican nominee, said", "Cory James, 22, of Flint, Mich., said": the subject is before the appositives.
            return SubjectBeforeAppositives(text, j, cue);
        }
        if (j < 0 || !text.SameSentence(j, cue))
        {
            return null;
        }
        var last = j;
        var first = j + 1;
        while (first - 1 >= 0 && last - (first - 1) < MaxPhraseTokens && IsPhraseWord(text, first - 1, backwards: true) && text.SameSentence(first - 1, cue))
        {
            first--;
            if (Lexicon.NounMarkers.Contains(text[first].Text))
            {
                // An article or a possessive opens its noun phrase: "met his top military commanders".
                break;
            }
        }
        return first > last ? null : Classify(text, first, last);
    }

    /// <summary>The phrase that ends at <paramref name="last"/> ("his top military commanders" before ", who").</summary>
    private static Mention? PhraseBefore(ArticleText text, int last)
    {
        if (!text.IsOpenWord(last))
        {
            return null;
        }
        var first = last;
        while (first - 1 >= 0 && last - (first - 1) < MaxPhraseTokens && IsPhraseWord(text, first - 1, backwards: true) && text.SameSentence(first - 1, last)
               && !Lexicon.NounMarkers.Contains(text[first].Text))
        {
            first--;
        }
        return Classify(text, first, last);
    }

    /// <summary>The phrase that starts at <paramref name="start"/> ("Qin Gang" in "said Qin Gang, ..."), or <c>null</c>.</summary>
    public static Mention? PhraseAfter(ArticleText text, int start)
    {
        if (start >= text.Count || !text.IsOpenWord(start))
        {
            return null;
        }
        var last = start - 1;
        var named = false;
        while (last + 1 < text.Count && last + 1 - start < MaxPhraseTokens && text.SameSentence(last + 1, start) && IsPhraseWord(text, last + 1, backwards: false))
        {
            var word = text[last + 1].Text;
            if (named && char.IsLower(word[0]) && !Lexicon.PersonRoles.Contains(word) && !Lexicon.GroupNouns.Contains(word))
            {
                // After a name, an unknown lower-case word is most likely the verb: "Clinton supports ...".
                break;
            }
            if (last + 1 - start >= 2 && char.IsLower(word[0]) && word.EndsWith("ed", StringComparison.Ordinal) && !Lexicon.Determiners.Contains(text[last].Text))
            {
                // "the billionaire real estate mogul offered ...": a past tense after the noun ends the phrase.
                break;
            }
            last++;
            named |= text[last].IsCapitalized;
            if (Lexicon.Pronouns.Contains(word))
            {
                break;
            }
        }
        return last < start ? null : Classify(text, start, last);
    }

    /// <summary>The token after a phrase and what may follow it before a cue: an appositive, a parenthesis, auxiliaries.</summary>
    public static int SkipForwardToCue(ArticleText text, int next)
    {
        if (next < text.Count && text[next].Is(","))
        {
            // "Qin Gang, China's foreign minister, said"
            for (var k = next + 1; k < text.Count && k - next < 30 && text.SameSentence(k, next); k++)
            {
                if (text.InQuote(k))
                {
                    break;
                }
                if (text[k].Is(","))
                {
                    next = k + 1;
                    break;
                }
            }
        }
        else if (next < text.Count && text[next].Is("("))
        {
            for (var k = next + 1; k < text.Count && k - next < 12; k++)
            {
                if (text[k].Is(")"))
                {
                    next = k + 1;
                    break;
                }
            }
        }
        for (var skipped = 0; skipped < 3 && next < text.Count && IsAuxiliary(text, next); skipped++)
        {
            next++;
        }
        return next;
    }

    /// <summary>Skips words that stand between a subject and its cue ("also", "has", "on Tuesday"), walking back.</summary>
    public static int SkipBackOverAuxiliaries(ArticleText text, int j)
    {
        if (j >= 2 && text[j].Is("to") && text[j - 1].Is("on") && text[j - 2].Text is "went" or "goes" or "go")
        {
            // "He went on to call Cruz ..."
            j -= 3;
        }
        for (var skipped = 0; skipped < 4 && j >= 0 && text.IsOpenWord(j); skipped++)
        {
            var word = text[j].Text;
            if (IsAuxiliary(text, j))
            {
                j--;
                continue;
            }
            if (Lexicon.TimeWords.Contains(word) && j > 0 && text[j - 1].IsWord && text[j - 1].Text is "on" or "last" or "this" or "early" or "late")
            {
                j -= 2;
                continue;
            }
            if (Lexicon.TimeWords.Contains(word) && char.IsUpper(word[0]))
            {
                j--;
                continue;
            }
            break;
        }
        return j;
    }

    /// <summary>Sorts a phrase into a name, a pronoun, a role or an unnamed source.</summary>
    public static Mention? Classify(ArticleText text, int first, int last) => ClassifyPhrase(text, first, last);

    /// <summary>
    /// Whether a mention reads like a source: it opens with a capital, a determiner, a pronoun or a number, or is a
    /// bare group ("officials"); "performing a popular play" does not.
    /// </summary>
    public static bool IsPlausible(ArticleText text, Mention mention)
    {
        var opening = text[mention.First].Text;
        return char.IsUpper(opening[0]) || char.IsDigit(opening[0]) || Lexicon.Determiners.Contains(opening) || Lexicon.Pronouns.Contains(opening)
               || mention.Kind == MentionKind.Name || IsBareGroup(text, mention);
    }

    /// <summary>A bare plural noun group with no determiner: "officials said", "police said", "analysts say".</summary>
    private static bool IsBareGroup(ArticleText text, Mention mention) =>
        mention.Kind == MentionKind.Unnamed && mention.Last - mention.First <= 2
        && (Lexicon.GroupNouns.Contains(text[mention.Last].Text) || text[mention.Last].Text is "police" or "officials" or "analysts" or "experts" or "critics" or "economists" or "residents" or "witnesses" or "sources" or "observers" or "protesters" or "demonstrators" or "supporters" or "voters" or "others" or "aides" or "prosecutors" or "investigators" or "researchers" or "diplomats" or "strategists" or "lawmakers" or "legislators" or "authorities" or "dealers" or "traders");

    private static Mention? ClassifyPhrase(ArticleText text, int first, int last)
    {
        // Drop what opens a sentence or a clause without being part of the noun: "But he", "And Trump", "that officials".
        while (first <= last && text[first].IsWord && (Lexicon.SentenceOpeners.Contains(text[first].Text) || Lexicon.PhraseBoundaries.Contains(text[first].Text))
               && !(first == last && Lexicon.Pronouns.Contains(text[first].Text)))
        {
            first++;
        }
        if (first > last)
        {
            return null;
        }
        var lastWord = text[last].Text;
        if (Lexicon.Pronouns.Contains(lastWord))
        {
            var head = lastWord.ToLowerInvariant();
            if (head == "who")
            {
                var antecedent = last >= 2 && text[last - 1].Is(",") ? PhraseBefore(text, last - 2) : null;
                return new Mention(last, last, MentionKind.Relative, null, head, [], antecedent);
            }
            return new Mention(last, last, MentionKind.Pronoun, null, head, []);
        }

        // A trailing run of capitalised words may be a name with its titles ("Foreign Minister Qin Gang").
        var runStart = last + 1;
        while (runStart - 1 >= first && PersonNames.CanBePartOfName(text[runStart - 1]))
        {
            runStart--;
        }
        var descriptors = new List<string>();
        for (var k = first; k < runStart; k++)
        {
            if (text[k].IsWord && !Lexicon.Determiners.Contains(text[k].Text))
            {
                descriptors.Add(PersonNames.StripPossessive(text[k].Text).ToLowerInvariant());
            }
        }
        if (runStart <= last)
        {
            var run = new List<string>(last - runStart + 1);
            for (var k = runStart; k <= last; k++)
            {
                run.Add(text[k].Text);
            }
            var indefinite = Lexicon.Determiners.Contains(text[first].Text) && text[first].Text is "a" or "an" or "A" or "An" or "some" or "Some" or "one" or "One" or "another" or "Another";
            if (!indefinite && PersonNames.Parse(run) is { } name)
            {
                descriptors.AddRange(name.Qualifiers.Select(q => q.ToLowerInvariant()));
                return new Mention(first, last, MentionKind.Name, name, null, [.. descriptors]);
            }
            return new Mention(first, last, MentionKind.Unnamed, null, lastWord.ToLowerInvariant(), [.. descriptors]);
        }

        var noun = lastWord.ToLowerInvariant();
        var definite = text[first].Text is "the" or "The" or "this" or "This";
        if (definite && (Lexicon.PersonRoles.Contains(noun) || Lexicon.RoleAbbreviations.ContainsKey(noun)))
        {
            return new Mention(first, last, MentionKind.Role, null, noun, [.. descriptors]);
        }
        return new Mention(first, last, MentionKind.Unnamed, null, noun, [.. descriptors]);
    }

    /// <summary>
    /// Whether token <paramref name="k"/> is a cue verb: a cue word outside quotations, lower case (or opening its
    /// sentence), and not a noun after a determiner ("her remarks", "the report", "his claims").
    /// </summary>
    public static bool IsCue(ArticleText text, int k) =>
        text.IsOpenWord(k)
        && text[k].Cue != CueKind.None
        && (char.IsLower(text[k].Text[0]) || k == text.SentenceStart(k))
        && !(k > 0 && text.IsOpenWord(k - 1) && (Lexicon.NounMarkers.Contains(text[k - 1].Text) || PersonNames.IsPossessive(text[k - 1].Text)))
        || IsWentOn(text, k);

    /// <summary>"went on" (but not "went on to") is "continued"; "shot back", "fired back" are "replied".</summary>
    private static bool IsWentOn(ArticleText text, int k) =>
        text.IsOpenWord(k) && k + 1 < text.Count
        && ((text[k].Text is "went" or "goes" && text[k + 1].Is("on") && !(k + 2 < text.Count && text[k + 2].Is("to")))
            || (text[k].Text is "shot" or "fired" or "pushed" or "hit" or "shoots" or "fires" && text[k + 1].Is("back")));

    private static bool IsAuxiliary(ArticleText text, int j)
    {
        if (!text.IsOpenWord(j))
        {
            return false;
        }
        var word = text[j].Text;
        return Lexicon.Auxiliaries.Contains(word) || IsAdverb(word);
    }

    /// <summary>An -ly adverb ("repeatedly", "bluntly"); a few nouns end the same way ("the family said").</summary>
    public static bool IsAdverb(string word) =>
        word.Length > 4 && word.EndsWith("ly", StringComparison.OrdinalIgnoreCase) && !NounsEndingInLy.Contains(word.ToLowerInvariant())
        && (char.IsLower(word[0]) || (word.Length >= 7 && !Lexicon.FemaleNames.Contains(word) && !Lexicon.MaleNames.Contains(word)));

    /// <summary>
    /// The subject before a chain of comma-separated appositives that ends at <paramref name="comma"/>: the first
    /// segment of the chain that is not an opening phrase ("On Tuesday, Trump, the nominee, said" is Trump).
    /// </summary>
    private static Mention? SubjectBeforeAppositives(ArticleText text, int comma, int cue)
    {
        var segments = new List<(int First, int Last)>();
        var last = comma - 1;
        var k = last;
        while (k >= 0 && comma - k < 30 && text.SameSentence(k, cue) && !text.InQuote(k))
        {
            if (text[k].Text is "," or "—" or "–" or "-")
            {
                if (last >= k + 1)
                {
                    segments.Add((k + 1, last));
                }
                last = k - 1;
            }
            else if (text.IsOpenWord(k) && (IsCue(text, k) || text[k].Text is "and" or "but" or "that" or "because" or "while" or "when"))
            {
                break;
            }
            k--;
        }
        segments.Add((k + 1, last));
        segments.Reverse();
        foreach (var (first, end) in segments)
        {
            if (first > end || !text.IsOpenWord(first) || (Lexicon.SentenceOpeners.Contains(text[first].Text) && !Lexicon.Pronouns.Contains(text[first].Text))
                || text[first].Text is "who" or "which" or "whose" || IsAdverb(text[first].Text))
            {
                // An opening phrase ("On Tuesday,") or a relative clause ("which is airing,"): not the subject.
                continue;
            }
            var start = end + 1;
            while (start - 1 >= first && end - (start - 1) < MaxPhraseTokens && IsPhraseWord(text, start - 1, backwards: true))
            {
                start--;
                if (Lexicon.NounMarkers.Contains(text[start].Text))
                {
                    break;
                }
            }
            if (start <= end && Classify(text, start, end) is { } mention)
            {
                return mention;
            }
        }
        return null;
    }

    /// <summary>Whether token <paramref name="k"/> can be part of a source phrase.</summary>
    private static bool IsPhraseWord(ArticleText text, int k, bool backwards)
    {
        if (!text.IsOpenWord(k))
        {
            // Inside a name: "Sen." and "U.S." are words; "-" in "R-S.C." is not.
            return false;
        }
        var word = text[k].Text;
        if (Lexicon.PhraseBoundaries.Contains(word) && !(char.IsUpper(word[0]) && k != text.SentenceStart(k)))
        {
            // A clause word or preposition ends the phrase; a determiner among them ("this") opens it, and reading
            // forwards a phrase may only start with one at the start of a sentence.
            var determiner = Lexicon.Determiners.Contains(word) && word is not "that";
            return determiner && (backwards || k == text.SentenceStart(k));
        }
        if (char.IsLower(word[0]) && text[k].Cue != CueKind.None)
        {
            return false;
        }
        if (!backwards && Lexicon.TimeWords.Contains(word))
        {
            return false;
        }
        if (IsAdverb(word))
        {
            return false;
        }
        return true;
    }
}
