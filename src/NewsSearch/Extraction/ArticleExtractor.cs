namespace NewsSearch.Extraction;

/// <summary>
/// Finds the quotations of an article, who said each of them, and the article's speakers. A pure function of the
/// text: safe to call from several threads at once.
/// </summary>
/// <remarks>
/// Attribution, in order of preference, for each quotation:
/// <list type="number">
/// <item>a cue right after it: <c>"...," Qin said</c>, <c>"...," said Qin Gang</c>, <c>"...," the minister told reporters</c>, <c>"...," according to police</c>;</item>
/// <item>the nearest cue before it in its sentence: <c>Qin Gang said: "..."</c>, <c>X told reporters "..."</c>, <c>X warned that "promises are cheap"</c>;</item>
/// <item>the quotation before it, when nothing else speaks in between: the next quotation of the same paragraph, or a paragraph that opens with a quotation right after an attributed one;</item>
/// <item>otherwise none: an unattributed quotation is never guessed.</item>
/// </list>
/// A source that is a name maps to the fullest form of the name in the article; "he", "she" and roles ("the
/// minister") map to the most recent compatible named speaker; groups and organisations stay unnamed sources.
/// </remarks>
public static class ArticleExtractor
{
    /// <summary>Quotations and speakers of <paramref name="article"/>'s body.</summary>
    public static ArticleExtraction Extract(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Extract(article.Body);
    }

    /// <summary>Quotations and speakers of a body (paragraphs separated by blank lines).</summary>
    public static ArticleExtraction Extract(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = ArticleText.Build(body);
        var attribution = new Attribution(text);

        var found = new (Mention Mention, int Cue)?[text.Quotes.Count];
        for (var q = 0; q < found.Length; q++)
        {
            found[q] = attribution.Find(q);
        }
        var parent = new int[found.Length];
        for (var q = 0; q < found.Length; q++)
        {
            parent[q] = found[q] is null ? attribution.ContinuationOf(q, found, parent) : q;
            if (parent[q] < 0 && attribution.EmbeddingSubject(q) is { } subject)
            {
                found[q] = subject;
                parent[q] = q;
            }
        }

        // Resolve every source in text order, so "he" and "the minister" see the speakers named before them.
        var events = new List<(Mention Mention, int Cue)>();
        var usedCues = new HashSet<int>();
        foreach (var item in found)
        {
            if (item is { } value)
            {
                events.Add(value);
                usedCues.Add(value.Cue);
            }
        }
        events.AddRange(attribution.ReportedStatements(usedCues));
        events.Sort((a, b) => a.Mention.First.CompareTo(b.Mention.First));

        var resolver = new SpeakerResolver(text);
        var speakers = new List<string>();
        var resolved = new Dictionary<Mention, string?>(ReferenceEqualityComparer.Instance);
        foreach (var (mention, _) in events)
        {
            if (resolved.ContainsKey(mention))
            {
                continue;
            }
            var speaker = resolver.Resolve(mention);
            resolved[mention] = speaker;
            if (speaker is not null && !speakers.Contains(speaker, StringComparer.Ordinal))
            {
                speakers.Add(speaker);
            }
        }

        var quotations = new List<Quotation>(found.Length);
        for (var q = 0; q < found.Length; q++)
        {
            var span = text.Quotes[q];
            var source = parent[q] >= 0 ? found[parent[q]] : null;
            SourceMention? mention = null;
            string? speaker = null;
            if (source is { } s)
            {
                // "who" alone says nothing: the mention runs from the noun it stands for ("his commanders, who").
                var first = s.Mention is { Kind: MentionKind.Relative, Antecedent: { } antecedent } ? antecedent.First : s.Mention.First;
                var start = text[first].Start;
                var end = text[s.Mention.Last].End;
                mention = new SourceMention(body[start..end], start, end);
                speaker = resolved.GetValueOrDefault(s.Mention);
            }
            quotations.Add(new Quotation(body[span.TextStart..span.TextEnd], span.TextStart, span.TextEnd, speaker, mention));
        }
        return new ArticleExtraction(speakers, quotations);
    }
}
