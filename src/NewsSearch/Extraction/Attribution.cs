namespace NewsSearch.Extraction;

/// <summary>
/// Finds the source mention and the cue of each quotation, the quotations that continue an earlier one, and the
/// reported statements outside quotations ("X said that ..."). See <see cref="ArticleExtractor"/> for the order.
/// </summary>
internal sealed class Attribution(ArticleText text)
{
    /// <summary>How far before a quotation a cue that only attributes quotations ("called", "described") may stand.</summary>
    private const int QuotationCueReach = 12;

    public (Mention Mention, int Cue)? Find(int quote) => After(quote) ?? Before(quote) ?? AtSentenceEnd(quote);

    /// <summary>
    /// The quotation whose source <paramref name="quote"/> continues, or -1: the previous quotation, when it is in the
    /// same paragraph, or when this one opens the paragraph right after it, and nobody else speaks or is named in between.
    /// </summary>
    public int ContinuationOf(int quote, (Mention Mention, int Cue)?[] found, int[] parents)
    {
        if (quote == 0 || parents[quote - 1] < 0)
        {
            return -1;
        }
        var previous = quote - 1;
        var source = found[parents[previous]]!.Value;
        var open = text.QuoteOpenToken[quote];
        var previousEnd = text.QuoteLastToken[previous];
        var paragraph = text.Paragraph[open];
        var previousParagraph = text.Paragraph[previousEnd];
        var opensParagraph = open == 0 || text.Paragraph[open - 1] != paragraph;
        if (paragraph != previousParagraph && !(paragraph == previousParagraph + 1 && opensParagraph))
        {
            return -1;
        }

        // Nothing in between may speak or be named: "'A,' he said. Clinton disagreed. 'B.'" leaves B unattributed.
        // When the attribution follows the previous quotation, the rest of its sentence belongs to it
        // ("..., said Tad Devine, a senior strategist for Sanders.") and is not someone else speaking.
        var attributionEnd = Math.Max(source.Cue, source.Mention.Last);
        var from = attributionEnd > previousEnd ? Math.Min(text.SentenceEnd(attributionEnd) + 1, open) : previousEnd + 1;
        for (var k = from; k < open; k++)
        {
            if (!text.IsOpenWord(k))
            {
                continue;
            }
            if (SourcePhrases.IsCue(text, k) && !text.Is(k, CueKind.Participle))
            {
                return -1;
            }
            if (text[k].IsCapitalized && k != text.SentenceStart(k) && !PersonNames.IsQualifier(text[k].Text)
                && !Lexicon.TimeWords.Contains(text[k].Text) && PersonNames.Parse([text[k].Text]) is not null)
            {
                return -1;
            }
            if (Lexicon.Pronouns.Contains(text[k].Text) && text[k].Text is not "it" and not "It")
            {
                return -1;
            }
        }
        return parents[previous];
    }

    /// <summary>
    /// The subject of the clause a partial quotation is embedded in, when no cue names a source: "Trump described
    /// ... a city of 'honesty and straight talk'", "the commanders, who agreed 'not to withdraw'". Only for
    /// quotations of two or more words inside a sentence that are not a title ("Game of Thrones"): the subject
    /// does something with the quoted words, which makes them its words.
    /// </summary>
    public (Mention Mention, int Cue)? EmbeddingSubject(int quote)
    {
        var open = text.QuoteOpenToken[quote];
        var sentenceStart = text.SentenceStart(open);
        if (open == sentenceStart || open - sentenceStart > 40)
        {
            return null;
        }
        var words = 0;
        var capitalized = 0;
        for (var k = open + 1; k <= text.QuoteLastToken[quote]; k++)
        {
            if (text[k].IsWord)
            {
                words++;
                capitalized += text[k].IsCapitalized ? 1 : 0;
            }
        }
        if (words < 2 || capitalized == words)
        {
            return null;
        }
        for (var k = open - 1; k > sentenceStart; k--)
        {
            if (text.InQuote(k))
            {
                k = text.QuoteOpenToken[text.QuoteOf[k]];
                continue;
            }
            if (StartsClause(k) || text[k].Is(";"))
            {
                return null;
            }
            if (text.IsOpenWord(k) && text[k].Text is "who" && text.IsOpenWord(k + 1) && char.IsLower(text[k + 1].Text[0]))
            {
                // "..., who agreed 'not to withdraw'": the relative clause's subject.
                return SourcePhrases.Classify(text, k, k) is { } relative ? (relative, k) : null;
            }
        }
        return ClauseSubject(sentenceStart, open) is { Kind: not MentionKind.Relative } subject && SourcePhrases.IsPlausible(text, subject)
            ? (subject, subject.Last)
            : null;
    }

    /// <summary>Statements outside quotations with a source ("X said that ...", "according to X"), for the speaker list.</summary>
    public IEnumerable<(Mention Mention, int Cue)> ReportedStatements(HashSet<int> usedCues)
    {
        for (var k = 0; k < text.Count; k++)
        {
            // The cheapest test first: this loop visits every token of every article, and few are cues.
            if ((!text.Is(k, CueKind.Speech) && !IsAccordingTo(k)) || !text.IsOpenWord(k) || usedCues.Contains(k))
            {
                continue;
            }
            if (IsAccordingTo(k))
            {
                if (SourcePhrases.PhraseAfter(text, k + 2) is { } source)
                {
                    yield return (source, k);
                }
                continue;
            }
            // Not "according to", so a speech cue (the test above).
            if (!SourcePhrases.IsCue(text, k) || IsNegatedOrPassive(k))
            {
                continue;
            }
            if (SourcePhrases.SubjectBefore(text, k) is { } subject)
            {
                yield return (subject, k);
            }
        }
    }

    /// <summary>A source right after the quotation: <c>"...," X said</c>, <c>"...," said X</c>, <c>"...," according to X</c>.</summary>
    private (Mention, int)? After(int quote)
    {
        var close = text.QuoteCloseToken[quote];
        if (close < 0)
        {
            return null;
        }
        var j = close + 1;

        // "'A' and 'B,' he said": quotations joined in one sentence share the source after the last one.
        for (var chain = 0; chain < 3; chain++)
        {
            var k = j;
            if (k < text.Count && text[k].Is(","))
            {
                k++;
            }
            if (text.IsOpenWord(k) && text[k].Text is "and" or "or")
            {
                k++;
            }
            if (k > j && k < text.Count && text.QuoteOf[k] is var next and >= 0 && text.QuoteOpenToken[next] == k
                && text.Paragraph[k] == text.Paragraph[close] && text.QuoteCloseToken[next] >= 0)
            {
                j = text.QuoteCloseToken[next] + 1;
                continue;
            }
            break;
        }

        if (j < text.Count && text[j].Is(","))
        {
            j++;
        }
        if (j >= text.Count || text.Paragraph[j] != text.Paragraph[close])
        {
            return null;
        }
        if (text[j].Text is "—" or "―" or "–" or "-")
        {
            // A signature: '"..." ― Pamela Padilla', '"..." - David Martosko (@dmartosko)'.
            var k = j + 1;
            while (k < text.Count && text[k].Text is "-" or "—" or "―" or "–")
            {
                k++;
            }
            return SourcePhrases.PhraseAfter(text, k) is { Kind: MentionKind.Name } signed ? (signed, j) : null;
        }
        var endsSentence = text.Body[text.Quotes[quote].TextEnd - 1] is '.';
        if (IsAccordingTo(j))
        {
            return SourcePhrases.PhraseAfter(text, j + 2) is { } source ? (source, j) : null;
        }
        if (SourcePhrases.IsCue(text, j) && text.Is(j, CueKind.Invertible))
        {
            if (SourcePhrases.PhraseAfter(text, j + 1) is { Kind: not MentionKind.Relative } inverted && (!endsSentence || ShortTail(inverted.Last + 1)))
            {
                return (inverted, j);
            }
            return null;
        }
        return SubjectThenCue(j, requireShortTail: endsSentence);
    }

    /// <summary>
    /// A subject that starts at <paramref name="j"/> and the cue after it: "Qin said", "Trump, the nominee, said".
    /// A subject the phrase reader stops inside ("Fight for $15 organizing director Kendall Fells told") is read
    /// backwards from the first cue a few words on.
    /// </summary>
    private (Mention, int)? SubjectThenCue(int j, bool requireShortTail)
    {
        if (j >= text.Count)
        {
            return null;
        }
        var paragraph = text.Paragraph[j];
        if (SourcePhrases.PhraseAfter(text, j) is { } subject)
        {
            var cue = SourcePhrases.SkipForwardToCue(text, subject.Last + 1);
            if (cue < text.Count && SourcePhrases.IsCue(text, cue) && !text.Is(cue, CueKind.Participle)
                && text.Paragraph[cue] == paragraph && (!requireShortTail || ShortTail(cue + 1)))
            {
                return (subject, cue);
            }
        }
        for (var k = j; k < text.Count && k - j < 14 && text.Paragraph[k] == paragraph && !text.InQuote(k); k++)
        {
            if (text[k].Text is "." or ";" or ":" or "!" or "?")
            {
                break;
            }
            if (SourcePhrases.IsCue(text, k))
            {
                if (!text.Is(k, CueKind.Participle) && (!requireShortTail || ShortTail(k + 1))
                    && SourcePhrases.SubjectBefore(text, k) is { } backwards && backwards.First >= j)
                {
                    return (backwards, k);
                }
                break;
            }
        }
        return null;
    }

    /// <summary>The nearest cue before the quotation in its sentence, and that cue's source.</summary>
    private (Mention, int)? Before(int quote)
    {
        var open = text.QuoteOpenToken[quote];
        var sentenceStart = text.SentenceStart(open);
        if (open >= 2 && text[open - 1].Is(":") && !text.InQuote(open - 2) && open - 2 - sentenceStart < 8
            && !Enumerable.Range(sentenceStart, open - sentenceStart).Any(k => SourcePhrases.IsCue(text, k))
            && SourcePhrases.SubjectBefore(text, open - 1) is { Kind: MentionKind.Name or MentionKind.Unnamed or MentionKind.Role } speaker
            && text[speaker.First].IsCapitalized)
        {
            // "Clinton: 'Our goal is ...'" - a name and a colon, the transcript style.
            return (speaker, open - 1);
        }
        // Every cue before the quotation in its clause, nearest first. The sentence's main statement (its first
        // speech cue) wins over cues inside what it reports: in "Clinton acknowledged that she misspoke when she
        // claimed that Comey had characterized as 'truthful' ...", the quotation is Clinton's.
        (Mention, int)? nearest = null;
        (Mention, int)? main = null;
        for (var k = open - 1; k >= sentenceStart; k--)
        {
            if (text.InQuote(k))
            {
                k = text.QuoteOpenToken[text.QuoteOf[k]];
                continue;
            }
            if (StartsClause(k))
            {
                break;
            }
            if (IsAccordingTo(k))
            {
                if (SourcePhrases.PhraseAfter(text, k + 2) is { } source)
                {
                    nearest ??= (source, k);
                    main = (source, k);
                }
                continue;
            }
            if (!SourcePhrases.IsCue(text, k) || IsNegatedOrPassive(k))
            {
                continue;
            }
            var participle = text.Is(k, CueKind.Participle);
            var speech = text.Is(k, CueKind.Speech) || participle;
            if (!speech && open - k > QuotationCueReach)
            {
                continue;
            }
            if (CueSource(k, sentenceStart, participle) is not { } mention)
            {
                continue;
            }
            nearest ??= (mention, k);
            if (speech && SourcePhrases.IsPlausible(text, mention))
            {
                main = (mention, k);
            }
        }
        return main ?? nearest;
    }

    /// <summary>The source of the cue at <paramref name="k"/>, which stands before a quotation.</summary>
    private Mention? CueSource(int k, int sentenceStart, bool participle)
    {
        Mention? mention;
        if (participle)
        {
            // "with McCain telling reporters ...": a subject right before the participle; else the clause's subject.
            mention = k > sentenceStart && text.IsOpenWord(k - 1) ? SourcePhrases.SubjectBefore(text, k) : null;
            if (mention is null || text[mention.First].Text is "a" or "an" or "A" or "An")
            {
                // "His office put out a statement saying ...": an object, not the source.
                mention = ClauseSubject(sentenceStart, k);
            }
            return mention;
        }
        mention = SourcePhrases.SubjectBefore(text, k);
        if (mention is null && text.Is(k, CueKind.Invertible) && (k == sentenceStart || text[k - 1].Text is "," or ":"))
        {
            // "Said Trump: '...'", "..., said Trump: '...'"
            mention = SourcePhrases.PhraseAfter(text, k + 1);
        }
        if (mention is null && k > sentenceStart && text[k - 1].Text is "and" or ",")
        {
            // "He paused, and added: '...'": the subject of the clause.
            mention = ClauseSubject(sentenceStart, k);
        }
        return mention;
    }

    /// <summary>Whether a new clause with its own subject starts at <paramref name="k"/> ("; ", ", but", ", while").</summary>
    private bool StartsClause(int k) =>
        text[k].Is(";")
        || (text.IsOpenWord(k) && k > 0 && text[k - 1].Is(",") && text[k].Text is "but" or "while" or "whereas" or "although" or "though" or "yet"
            && k + 1 < text.Count && text.IsOpenWord(k + 1) && (text[k + 1].IsCapitalized || Lexicon.Pronouns.Contains(text[k + 1].Text) || Lexicon.NounMarkers.Contains(text[k + 1].Text)));

    /// <summary>
    /// A source at the end of the sentence, after the quotation and more words: <c>... a "summer of agony" for
    /// Clinton, said Brad Bannon.</c>, <c>"We're alive" at the convention, he said.</c> Only when the attribution
    /// closes the sentence, so a new clause ("..., he said he would ...") is not taken for one.
    /// </summary>
    private (Mention, int)? AtSentenceEnd(int quote)
    {
        var last = text.QuoteLastToken[quote];
        var end = text.SentenceEnd(last);
        for (var k = last + 1; k <= end && k - last < 40; k++)
        {
            // A comma, or a quotation that ends with one ('... "frankly good information," he remarked').
            var comma = text[k].Is(",") && !text.InQuote(k);
            var quoteComma = text.InQuote(k) && text.QuoteCloseToken[text.QuoteOf[k]] == k && text.Body[text.Quotes[text.QuoteOf[k]].TextEnd - 1] == ',';
            if (!(comma || quoteComma) || k + 1 > end)
            {
                continue;
            }
            var j = k + 1;
            if (IsAccordingTo(j) && SourcePhrases.PhraseAfter(text, j + 2) is { } source && ShortTail(source.Last + 1))
            {
                return (source, j);
            }
            if (SourcePhrases.IsCue(text, j) && text.Is(j, CueKind.Invertible)
                && SourcePhrases.PhraseAfter(text, j + 1) is { Kind: not MentionKind.Relative } inverted && ShortTail(inverted.Last + 1))
            {
                return (inverted, j);
            }
            if (SubjectThenCue(j, requireShortTail: true) is { } found && text.Is(found.Item2, CueKind.Speech))
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>The subject of the clause a participle cue hangs on: an earlier cue's subject, else the sentence's first phrase.</summary>
    private Mention? ClauseSubject(int sentenceStart, int cue)
    {
        for (var c = sentenceStart; c < cue; c++)
        {
            if (SourcePhrases.IsCue(text, c) && !text.Is(c, CueKind.Participle) && SourcePhrases.SubjectBefore(text, c) is { } subject)
            {
                return subject;
            }
        }
        // The first phrase that can be a subject: at the sentence start, or after a comma that ends an opening
        // phrase ("On Monday, after remaining neutral, Warren appeared ...", "Declaring that ..., the mogul offered").
        var limit = cue == sentenceStart ? text.SentenceEnd(cue) : cue;
        var start = sentenceStart;
        while (start < limit)
        {
            if (text.IsOpenWord(start) && !OpensPhrase(start)
                && (text[start].IsCapitalized || char.IsDigit(text[start].Text[0]) || Lexicon.Determiners.Contains(text[start].Text) || Lexicon.Pronouns.Contains(text[start].Text))
                && SourcePhrases.PhraseAfter(text, start) is { } subject && subject.Last < limit)
            {
                return subject;
            }
            var comma = start;
            while (comma < limit && !(text[comma].Is(",") && !text.InQuote(comma)))
            {
                comma++;
            }
            start = comma + 1;
        }
        return null;
    }

    /// <summary>Whether an opening phrase (not a subject) starts at <paramref name="k"/>: "In", "After", "Asked", "Declaring", "Shortly".</summary>
    private bool OpensPhrase(int k)
    {
        var word = text[k].Text;
        return (Lexicon.SentenceOpeners.Contains(word) && !Lexicon.Pronouns.Contains(word)) || word.EndsWith("ing", StringComparison.Ordinal)
               || SourcePhrases.IsAdverb(word) || text[k].Cue != CueKind.None;
    }

    private bool IsAccordingTo(int k) =>
        k >= 0 && k < text.Count && text[k].Text is "according" or "According" && text.IsOpenWord(k) && text.IsOpenWord(k + 1) && text[k + 1].Text is "to";

    /// <summary>"did not say", "declined to say", "was told": not a statement by the subject.</summary>
    private bool IsNegatedOrPassive(int cue)
    {
        for (var k = cue - 1; k >= 0 && cue - k <= 3 && text.IsOpenWord(k); k--)
        {
            var word = text[k].Text;
            if (Lexicon.Negators.Contains(word))
            {
                return true;
            }
            var pastParticiple = text[cue].Text.EndsWith("ed", StringComparison.Ordinal) || text[cue].Text is "told";
            if (k == cue - 1 && pastParticiple && word is "was" or "were" or "been" or "being" or "be" or "is" or "are")
            {
                return true;
            }
            if (word is "to" && k == cue - 1)
            {
                // "wants to say", "is expected to announce": not (yet) a statement; "went on to say" is the exception.
                return !(k >= 2 && text[k - 1].Text is "on" && text[k - 2].Text is "went" or "goes" or "go");
            }
        }
        return false;
    }

    /// <summary>Whether a sentence ends soon after a cue, so "'... win.' Trump said." attributes but "'... win.' Trump said he ..." does not.</summary>
    private bool ShortTail(int after)
    {
        for (var k = after; k < text.Count && k - after <= 4; k++)
        {
            if (text.Paragraph[k] != text.Paragraph[after - 1])
            {
                return true;
            }
            if (text[k].IsDoubleQuote && k + 1 < text.Count && text.InQuote(k + 1))
            {
                // '"... firm." John Smith said "rates will rise."': the cue opens the next quotation, and the period
                // inside it does not end this attribution.
                return false;
            }
            if (text[k].Text is "." or "," or ";" or ":")
            {
                // "... now.' He added, 'What ...'": the cue introduces the next quotation, not this one.
                return !(text[k].Text is "," or ":" && k + 1 < text.Count && text[k + 1].IsDoubleQuote && text.InQuote(k + 1));
            }
        }
        return after >= text.Count;
    }
}
