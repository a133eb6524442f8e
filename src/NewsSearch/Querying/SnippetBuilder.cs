using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace NewsSearch.Querying;

/// <summary>
/// Picks the passage of a text that best shows why it matched and marks the matched words. Lucene's highlighter
/// finds the matches (phrase-aware: in <c>"invisible hand"</c> a lone "hand" is not marked); the passage is then
/// chosen here to start at a sentence where possible, which reads better than a fixed-size fragment.
/// </summary>
internal sealed class SnippetBuilder
{
    private readonly Analyzer analyzer;
    private readonly Query? query;
    private readonly string field;

    public SnippetBuilder(Analyzer analyzer, Query? query, string field)
    {
        this.analyzer = analyzer;
        this.query = query;
        this.field = field;
    }

    public Snippet Build(string text, int length)
    {
        var matches = query is null ? [] : FindMatches(text);
        var start = matches.Count == 0 ? 0 : BestStart(text, matches, length);
        return Cut(text, start, length, matches);
    }

    /// <summary>Every matched word in <paramref name="text"/>, as offsets.</summary>
    internal List<TextSpan> FindMatches(string text)
    {
        var recorder = new SpanRecorder();
        var scorer = new QueryScorer(query, field);
        var highlighter = new Highlighter(recorder, scorer)
        {
            TextFragmenter = new NullFragmenter(),
            MaxDocCharsToAnalyze = Math.Max(text.Length, 1),
        };
        using var tokens = analyzer.GetTokenStream(field, text);
        highlighter.GetBestFragment(tokens, text);
        return recorder.Spans;
    }

    private static int BestStart(string text, List<TextSpan> matches, int length)
    {
        // Candidates: each sentence start, and a little before each match (for sentences longer than a snippet).
        var candidates = SentenceStarts(text).ToList();
        foreach (var match in matches)
        {
            candidates.Add(WordStartAtOrAfter(text, Math.Max(0, match.Start - (length / 4))));
        }

        var bestStart = 0;
        var bestScore = -1;
        foreach (var start in candidates.Distinct().Order())
        {
            var end = start + length;
            var inside = matches.Where(m => m.Start >= start && m.End <= end).ToList();
            if (inside.Count == 0)
            {
                continue;
            }
            var distinct = inside.Select(m => text.Substring(m.Start, m.Length).ToUpperInvariant()).Distinct().Count();
            var score = (distinct * 1000) + (inside.Count * 10) + (IsSentenceStart(text, start) ? 5 : 0);
            if (score > bestScore)
            {
                bestScore = score;
                bestStart = start;
            }
        }
        return bestStart;
    }

    private static Snippet Cut(string text, int start, int length, List<TextSpan> matches)
    {
        var end = Math.Min(text.Length, start + length);
        if (end < text.Length)
        {
            // Never cut through a match or a word.
            foreach (var match in matches)
            {
                if (match.Start < end && match.End > end)
                {
                    end = match.End;
                }
            }
            var space = text.LastIndexOf(' ', end - 1, end - start);
            if (space > start && !matches.Any(m => m.Start < end && m.End > space))
            {
                end = space;
            }
        }

        // Copy the passage with white space collapsed, remembering where each source character landed.
        var builder = new StringBuilder(end - start + 2);
        if (start > 0)
        {
            builder.Append('…');
        }
        var landed = new int[end - start];
        var pendingSpace = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                landed[i - start] = -1;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            landed[i - start] = builder.Length;
            builder.Append(c);
        }
        if (end < text.Length)
        {
            builder.Append('…');
        }

        var highlights = new List<TextSpan>();
        foreach (var match in matches)
        {
            if (match.Start < start || match.End > end || match.Length == 0)
            {
                continue;
            }
            var first = landed[match.Start - start];
            var last = landed[match.End - 1 - start];
            if (first < 0 || last < first)
            {
                continue;
            }
            // Words of one phrase read better marked together: "**invisible hand**", not "**invisible** **hand**".
            if (highlights.Count > 0 && highlights[^1].End + 1 == first && builder[first - 1] == ' ')
            {
                var previous = highlights[^1];
                highlights[^1] = new TextSpan(previous.Start, last + 1 - previous.Start);
                continue;
            }
            highlights.Add(new TextSpan(first, last + 1 - first));
        }
        return new Snippet(builder.ToString(), highlights);
    }

    private static IEnumerable<int> SentenceStarts(string text)
    {
        yield return 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (IsSentenceStart(text, i))
            {
                yield return i;
            }
        }
    }

    private static bool IsSentenceStart(string text, int i)
    {
        if (i == 0)
        {
            return true;
        }
        if (i >= text.Length || char.IsWhiteSpace(text[i]) || !char.IsWhiteSpace(text[i - 1]))
        {
            return false;
        }
        var j = i - 1;
        while (j > 0 && char.IsWhiteSpace(text[j]))
        {
            if (text[j] == '\n')
            {
                return true;
            }
            j--;
        }
        while (j > 0 && text[j] is '"' or '”' or '’' or '\'' or ')')
        {
            j--;
        }
        return text[j] is '.' or '!' or '?';
    }

    private static int WordStartAtOrAfter(string text, int position)
    {
        if (position == 0)
        {
            return 0;
        }
        while (position < text.Length && !char.IsWhiteSpace(text[position - 1]))
        {
            position++;
        }
        return Math.Min(position, text.Length);
    }

    /// <summary>Records the offsets of the tokens the highlighter scores instead of formatting them.</summary>
    private sealed class SpanRecorder : IFormatter
    {
        public List<TextSpan> Spans { get; } = [];

        public string HighlightTerm(string originalText, TokenGroup tokenGroup)
        {
            if (tokenGroup.TotalScore > 0)
            {
                var start = tokenGroup.StartOffset;
                var end = tokenGroup.EndOffset;
                if (Spans.Count > 0 && Spans[^1].End > start)
                {
                    return originalText;
                }
                Spans.Add(new TextSpan(start, end - start));
            }
            return originalText;
        }
    }
}
