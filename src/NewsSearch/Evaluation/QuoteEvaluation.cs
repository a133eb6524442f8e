using System.Text.RegularExpressions;
using NewsSearch.Extraction;

namespace NewsSearch.Evaluation;

/// <summary>
/// The quotation figures of one evaluation run. Each annotator's annotation of an article is scored on its own
/// (PolNeAR has some articles annotated twice), against extraction from the article's text.
/// </summary>
/// <param name="Split">The corpus split evaluated.</param>
/// <param name="Articles">Distinct articles.</param>
/// <param name="Annotations">Annotations scored (an article annotated twice counts twice).</param>
/// <param name="GoldQuotations">Quoted spans inside annotated content with quotation marks and a source.</param>
/// <param name="MatchedGold">Gold quotations that one extracted quotation covers at least half of (by words).</param>
/// <param name="ExtractedQuotations">Quotations extracted, over all annotations.</param>
/// <param name="MatchedExtracted">Extracted quotations at least half of whose words lie in the content of one annotated attribution.</param>
/// <param name="CorrectlyAttributed">Matched gold quotations whose extracted source overlaps the gold source, or whose speaker shares a name word with a gold source that is a name.</param>
/// <param name="Errors">Examples of what went wrong, for people tuning the extractor.</param>
public sealed record QuoteEvaluationReport(
    string Split, int Articles, int Annotations, int GoldQuotations, int MatchedGold, int ExtractedQuotations, int MatchedExtracted,
    int CorrectlyAttributed, IReadOnlyList<QuoteEvaluationError> Errors)
{
    /// <summary>Share of gold quotations matched by an extracted quotation.</summary>
    public double Recall => GoldQuotations == 0 ? 0 : (double)MatchedGold / GoldQuotations;

    /// <summary>Share of extracted quotations that match the content of an annotated attribution.</summary>
    public double Precision => ExtractedQuotations == 0 ? 0 : (double)MatchedExtracted / ExtractedQuotations;

    /// <summary>Share of matched gold quotations attributed correctly.</summary>
    public double AttributionAccuracy => MatchedGold == 0 ? 0 : (double)CorrectlyAttributed / MatchedGold;
}

/// <summary>What went wrong with one quotation.</summary>
/// <param name="Kind">"missed" (gold not found), "spurious" (extracted, not annotated) or "misattributed".</param>
/// <param name="ArticleId">The article.</param>
/// <param name="Quotation">The quotation's text, shortened.</param>
/// <param name="Expected">The gold source, when there is one.</param>
/// <param name="Found">The extracted source and speaker, when there is one.</param>
public sealed record QuoteEvaluationError(string Kind, string ArticleId, string Quotation, string? Expected, string? Found);

/// <summary>
/// Measures quotation extraction and attribution against PolNeAR's human annotations (see the README for the
/// definitions). Only direct quotations are scored: the quoted spans inside annotated content that has quotation
/// marks and a source.
/// </summary>
public static partial class QuoteEvaluation
{
    private static readonly HashSet<string> NotNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "he", "she", "they", "it", "i", "we", "his", "her", "their", "its", "our", "this", "that",
        "these", "those", "who", "which", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr",
    };

    /// <summary>The PolNeAR splits that can be evaluated here: train and dev (the test split is withheld).</summary>
    public static IReadOnlyList<string> PolnearSplits => PolnearCorpus.Splits;

    /// <summary>Evaluates extraction on one split of the PolNeAR corpus.</summary>
    /// <param name="directory">The folder holding <c>polnear.attributions.jsonl.gz</c> and the train/dev archive.</param>
    /// <param name="split"><c>dev</c> or <c>train</c>; the test split is withheld.</param>
    /// <param name="maxErrors">How many examples of errors of each kind to keep in the report. Default: 0.</param>
    /// <exception cref="NewsSearchException">The folder does not hold the corpus, or the split is not dev or train.</exception>
    public static QuoteEvaluationReport RunPolnear(string directory, string split, int maxErrors = 0)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(split);
        var annotated = PolnearCorpus.Load(directory, split);
        var extractions = new Dictionary<string, ArticleExtraction>(StringComparer.Ordinal);
        foreach (var article in annotated)
        {
            if (!extractions.ContainsKey(article.Id))
            {
                extractions[article.Id] = ArticleExtractor.Extract(article.Text);
            }
        }
        return Score(split, annotated, extractions, maxErrors);
    }

    internal static QuoteEvaluationReport Score(string split, IReadOnlyList<AnnotatedArticle> annotated, IReadOnlyDictionary<string, ArticleExtraction> extractions, int maxErrors)
    {
        int gold = 0, matchedGold = 0, extracted = 0, matchedExtracted = 0, attributed = 0;
        var errors = new List<QuoteEvaluationError>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Error(string kind, string id, string quote, string? expected, string? found)
        {
            var n = counts.GetValueOrDefault(kind);
            if (n < maxErrors)
            {
                errors.Add(new QuoteEvaluationError(kind, id, Shorten(quote), expected, found));
            }
            counts[kind] = n + 1;
        }

        foreach (var article in annotated)
        {
            var text = article.Text;
            var quotations = extractions[article.Id].Quotations;
            var contents = article.Attributions.Select(a => a.Content.SelectMany(c => c.Segments).ToList()).ToList();

            foreach (var quotation in quotations)
            {
                extracted++;
                var words = Words(text, quotation.Start, quotation.End);
                if (words.Count > 0 && contents.Any(segments => 2 * words.Count(w => Inside(w, segments)) >= words.Count))
                {
                    matchedExtracted++;
                }
                else
                {
                    Error("spurious", article.Id, quotation.Text, null, quotation.Source?.Text);
                }
            }

            foreach (var attribution in article.Attributions)
            {
                if (!attribution.HasQuoteMarks || attribution.Source.Count == 0)
                {
                    continue;
                }
                var sourceSegments = attribution.Source.SelectMany(s => s.Segments).ToList();
                var sourceText = string.Join(" ", attribution.Source.Select(s => s.Text));
                foreach (var (start, end) in attribution.Content.SelectMany(c => c.Segments).SelectMany(s => QuotedSpans(text, s.Start, s.End)))
                {
                    var words = Words(text, start, end);
                    if (words.Count == 0)
                    {
                        continue;
                    }
                    gold++;
                    Quotation? best = null;
                    var bestCovered = 0;
                    foreach (var quotation in quotations)
                    {
                        var covered = words.Count(w => w.Start >= quotation.Start && w.End <= quotation.End);
                        if (covered > bestCovered)
                        {
                            best = quotation;
                            bestCovered = covered;
                        }
                    }
                    var quoteText = text[start..end];
                    if (best is null || 2 * bestCovered < words.Count)
                    {
                        Error("missed", article.Id, quoteText, sourceText, null);
                        continue;
                    }
                    matchedGold++;
                    if (IsCorrect(best, sourceSegments, attribution.Source))
                    {
                        attributed++;
                    }
                    else
                    {
                        Error("misattributed", article.Id, quoteText, sourceText, best.Source is null ? null : $"{best.Source.Text} ({best.Speaker ?? "no speaker"})");
                    }
                }
            }
        }
        return new QuoteEvaluationReport(split, annotated.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count(), annotated.Count,
            gold, matchedGold, extracted, matchedExtracted, attributed, errors);
    }

    private static bool IsCorrect(Quotation quotation, List<(int Start, int End)> goldSource, IReadOnlyList<AnnotatedSpan> goldSpans)
    {
        if (quotation.Source is { } source && goldSource.Any(g => source.Start < g.End && g.Start < source.End))
        {
            return true;
        }
        if (quotation.Speaker is not { } speaker)
        {
            return false;
        }
        var speakerWords = speaker.Split(' ').Select(PersonNames.StripPossessive).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return goldSpans.SelectMany(s => WordPattern().Matches(s.Text).Select(m => m.Value))
            .Where(w => char.IsUpper(w[0]) && !NotNameWords.Contains(w))
            .Any(w => speakerWords.Contains(PersonNames.StripPossessive(w)));
    }

    /// <summary>
    /// The quoted parts of an annotated content span: text between double quotation marks, a mark left open running
    /// to the end of the segment (a quotation continued in the next paragraph) and a closing mark without an opening
    /// one starting at the segment's start.
    /// </summary>
    internal static List<(int Start, int End)> QuotedSpans(string text, int start, int end)
    {
        var spans = new List<(int, int)>();
        var open = -1;
        end = Math.Min(end, text.Length);
        for (var i = Math.Max(0, start); i < end; i++)
        {
            var c = text[i];
            if (c == '“' || (c == '"' && open < 0))
            {
                if (open < 0)
                {
                    open = i;
                }
            }
            else if (c is '”' or '"')
            {
                spans.Add((open < 0 ? start : open, i + 1));
                open = -1;
            }
        }
        if (open >= 0)
        {
            spans.Add((open, end));
        }
        return spans;
    }

    private static List<(int Start, int End)> Words(string text, int start, int end)
    {
        var words = new List<(int, int)>();
        foreach (var match in WordPattern().EnumerateMatches(text.AsSpan(start, Math.Min(end, text.Length) - start)))
        {
            words.Add((start + match.Index, start + match.Index + match.Length));
        }
        return words;
    }

    private static bool Inside((int Start, int End) word, List<(int Start, int End)> segments) =>
        segments.Any(s => word.Start >= s.Start && word.End <= s.End);

    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 120 ? flat : flat[..117] + "...";
    }

    [GeneratedRegex(@"[\p{L}\p{N}_]+(?:['’\-][\p{L}\p{N}_]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
