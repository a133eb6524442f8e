using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace NewsSearch.Evaluation;

/// <summary>A span of an annotation: its text and its [start, end) character ranges in the article file.</summary>
internal sealed record AnnotatedSpan(string Text, IReadOnlyList<(int Start, int End)> Segments);

/// <summary>One PolNeAR attribution relation: who (source), how (cue), what (content).</summary>
internal sealed record AnnotatedAttribution(IReadOnlyList<AnnotatedSpan> Source, IReadOnlyList<AnnotatedSpan> Content, bool HasQuoteMarks);

/// <summary>One annotator's attributions of one article, with the article's text.</summary>
internal sealed record AnnotatedArticle(string Id, string Annotator, string Text, IReadOnlyList<AnnotatedAttribution> Attributions);

/// <summary>
/// Reads the PolNeAR corpus as laid out in the shared corpora folder: the annotations from
/// <c>polnear.attributions.jsonl.gz</c> and the article texts from the train/dev archive, whose character offsets
/// the annotations use. Extraction runs on the texts as they are, so offsets compare exactly.
/// </summary>
internal static class PolnearCorpus
{
    public const string AnnotationsFile = "polnear.attributions.jsonl.gz";
    public const string ArchiveFile = "polnear-v1.0.0-train-dev.tar.gz";

    /// <summary>The splits this corpus copy holds; the test split is withheld for independent measurement.</summary>
    public static readonly IReadOnlyList<string> Splits = ["train", "dev"];

    public static List<AnnotatedArticle> Load(string directory, string split)
    {
        if (string.Equals(split, "test", StringComparison.OrdinalIgnoreCase))
        {
            throw new NewsSearchException("the PolNeAR test split is withheld for independent measurement: evaluate on --split dev or --split train");
        }
        if (!Splits.Contains(split, StringComparer.Ordinal))
        {
            throw new NewsSearchException($"unknown PolNeAR split '{split}': use dev or train");
        }
        var annotations = Path.Combine(directory, AnnotationsFile);
        var archive = Path.Combine(directory, ArchiveFile);
        if (!File.Exists(annotations) || !File.Exists(archive))
        {
            throw new NewsSearchException(
                $"no PolNeAR corpus in '{directory}': it should hold {AnnotationsFile} and {ArchiveFile} (the shared corpora folder has them in corpora/polnear)");
        }

        var lines = new List<(string Id, string Annotator, string TextFile, List<AnnotatedAttribution> Attributions)>();
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(annotations), CompressionMode.Decompress), Encoding.UTF8))
        {
            string? line;
            var number = 0;
            while ((line = reader.ReadLine()) is not null)
            {
                number++;
                if (line.Length == 0)
                {
                    continue;
                }
                try
                {
                    using var json = JsonDocument.Parse(line);
                    var root = json.RootElement;
                    if (root.GetProperty("compartment").GetString() != split)
                    {
                        continue;
                    }
                    lines.Add((root.GetProperty("id").GetString()!, root.GetProperty("annotator").GetString()!,
                        root.GetProperty("text_file").GetString()!, ReadAttributions(root.GetProperty("attributions"))));
                }
                catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    throw new NewsSearchException($"{annotations}:{number}: not a PolNeAR annotation line ({e.Message}); is the file intact?");
                }
            }
        }

        var texts = ReadTexts(archive, lines.Select(l => l.TextFile).ToHashSet(StringComparer.Ordinal));
        var articles = new List<AnnotatedArticle>(lines.Count);
        foreach (var (id, annotator, textFile, attributions) in lines)
        {
            if (!texts.TryGetValue(textFile, out var text))
            {
                throw new NewsSearchException($"{archive} has no member {textFile}, which {AnnotationsFile} annotates: are the two files from the same corpus copy?");
            }
            articles.Add(new AnnotatedArticle(id, annotator, text.Text, attributions.Select(a => ToUtf16(a, text.Utf16Offsets)).ToList()));
        }
        return articles;
    }

    private static List<AnnotatedAttribution> ReadAttributions(JsonElement list)
    {
        var result = new List<AnnotatedAttribution>();
        foreach (var item in list.EnumerateArray())
        {
            result.Add(new AnnotatedAttribution(ReadSpans(item.GetProperty("source")), ReadSpans(item.GetProperty("content")), item.GetProperty("has_quote_marks").GetBoolean()));
        }
        return result;
    }

    private static List<AnnotatedSpan> ReadSpans(JsonElement spans)
    {
        var result = new List<AnnotatedSpan>();
        foreach (var span in spans.EnumerateArray())
        {
            var segments = span.GetProperty("segments").EnumerateArray().Select(s => (s[0].GetInt32(), s[1].GetInt32())).ToList();
            result.Add(new AnnotatedSpan(span.GetProperty("text").GetString() ?? string.Empty, segments));
        }
        return result;
    }

    private static Dictionary<string, (string Text, int[]? Utf16Offsets)> ReadTexts(string archive, HashSet<string> wanted)
    {
        var texts = new Dictionary<string, (string, int[]?)>(StringComparer.Ordinal);
        using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null || !wanted.Contains(entry.Name))
            {
                continue;
            }
            using var reader = new StreamReader(entry.DataStream, Encoding.UTF8);
            var text = reader.ReadToEnd();
            texts[entry.Name] = (text, Utf16Map(text));
        }
        return texts;
    }

    /// <summary>
    /// The annotations count characters as code points; .NET strings count UTF-16 units. For texts with characters
    /// outside the Basic Multilingual Plane (emoji), a map from one to the other; <c>null</c> when they agree.
    /// </summary>
    private static int[]? Utf16Map(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return null;
        }
        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }
        map.Add(text.Length);
        return [.. map];
    }

    private static AnnotatedAttribution ToUtf16(AnnotatedAttribution attribution, int[]? map)
    {
        if (map is null)
        {
            return attribution;
        }
        int At(int codePoint) => map[Math.Clamp(codePoint, 0, map.Length - 1)];
        List<AnnotatedSpan> Convert(IReadOnlyList<AnnotatedSpan> spans) =>
            spans.Select(s => s with { Segments = s.Segments.Select(g => (At(g.Start), At(g.End))).ToList() }).ToList();
        return attribution with { Source = Convert(attribution.Source), Content = Convert(attribution.Content) };
    }
}
