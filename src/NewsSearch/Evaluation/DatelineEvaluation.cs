using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsSearch.Evaluation;

/// <summary>How well wire datelines are found in one corpus.</summary>
/// <param name="Corpus">The corpus name.</param>
/// <param name="Articles">Articles whose source names a place: the ones scored.</param>
/// <param name="Found">Of those, the articles where the place found equals the source's place (case-insensitive, spaces normalized).</param>
/// <param name="Misses">The other scored articles, grouped by kind, most frequent first.</param>
/// <param name="WithoutPlace">Articles whose source names no place (not scored).</param>
/// <param name="FalsePlaces">Of those, the articles where a place was found all the same.</param>
/// <param name="FalsePlaceExamples">A few of those, for reading.</param>
/// <param name="AllMisses">Every missed article, in input order.</param>
public sealed record DatelineScore(
    string Corpus, int Articles, int Found, IReadOnlyList<DatelineMissGroup> Misses, int WithoutPlace, int FalsePlaces,
    IReadOnlyList<DatelineMiss> FalsePlaceExamples, IReadOnlyList<DatelineMiss> AllMisses)
{
    /// <summary><see cref="Found"/> as a share of <see cref="Articles"/>, from 0 to 1.</summary>
    public double Share => Articles == 0 ? 0 : Found / (double)Articles;
}

/// <summary>Misses of one kind: what went wrong and the shape of the wire dateline it went wrong on.</summary>
/// <param name="Kind">"not found" (no place taken from the text) or "other place" (a different place taken).</param>
/// <param name="Shape">The wire dateline with letters and digits abstracted ("A, Aa 9 -" for "LONDON, March 9 -").</param>
/// <param name="Count">How many articles.</param>
/// <param name="Example">One of them.</param>
public sealed record DatelineMissGroup(string Kind, string Shape, int Count, DatelineMiss Example);

/// <summary>One article whose place was not found as the source has it.</summary>
/// <param name="Id">The article id.</param>
/// <param name="Opening">The start of the text it was read from.</param>
/// <param name="Expected">The source's place ("" for none).</param>
/// <param name="Found">The place found, or "" for none.</param>
public sealed record DatelineMiss(string Id, string Opening, string Expected, string Found);

/// <summary>
/// Measures wire-dateline detection on real news: rebuilds wire copy from the corpora in
/// <c>../shared/corpora</c> (the dateline put back in front of the body, the <c>dateline</c> field blanked),
/// reads it through <see cref="ArticleSource"/> as JSON Lines, exactly as <c>index</c> would, and compares the
/// place found with the source's. Nothing is copied into the repository: the input is built at run time.
/// </summary>
public static partial class DatelineEvaluation
{
    private const int OpeningLength = 90;

    /// <summary>
    /// Reuters-21578: each article's original <c>&lt;DATELINE&gt;</c> text from the SGML (<c>reut2-*.sgm.gz</c>)
    /// in front of its body from <c>reuters21578.jsonl.gz</c>. Scored on the articles with a body and a place.
    /// </summary>
    /// <param name="corpora">The corpora folder (holding <c>reuters21578/</c>).</param>
    /// <param name="keepInput">Where to write the rebuilt JSON Lines, or <c>null</c> for a temporary file.</param>
    /// <exception cref="NewsSearchException">A corpus file is missing.</exception>
    public static DatelineScore Reuters(string corpora, string? keepInput = null)
    {
        var folder = Path.Combine(corpora, "reuters21578");
        var wireDatelines = ReadSgmlDatelines(folder);
        var records = ReadJsonLines(Path.Combine(folder, "reuters21578.jsonl.gz")).Select(record =>
        {
            var body = record.Body;
            var newId = record.Id["reuters-".Length..];
            if (body.Trim().Length == 0 || !wireDatelines.TryGetValue(newId, out var wire))
            {
                return record;
            }
            // The converter moved story text that had leaked into <DATELINE> to the front of the body; the wire
            // dateline carries it already.
            var leaked = LeakedText(wire);
            if (leaked.Length > 0 && body.StartsWith(leaked, StringComparison.Ordinal))
            {
                body = body[leaked.Length..].TrimStart();
            }
            return record with { Body = wire + " " + body };
        });
        return Score("Reuters-21578", records, keepInput);
    }

    /// <summary>
    /// PolNeAR: each article's text as published (from <c>polnear-v1.0.0-train-dev.tar.gz</c>, headline block
    /// dropped), scored on the articles whose <c>polnear.jsonl.gz</c> record has a dateline.
    /// </summary>
    /// <param name="corpora">The corpora folder (holding <c>polnear/</c>).</param>
    /// <param name="keepInput">Where to write the rebuilt JSON Lines, or <c>null</c> for a temporary file.</param>
    /// <exception cref="NewsSearchException">A corpus file is missing.</exception>
    public static DatelineScore PolNeAR(string corpora, string? keepInput = null)
    {
        var folder = Path.Combine(corpora, "polnear");
        var texts = ReadPolNeARTexts(Path.Combine(folder, "polnear-v1.0.0-train-dev.tar.gz"));
        var records = ReadJsonLines(Path.Combine(folder, "polnear.jsonl.gz"))
            .Where(record => texts.ContainsKey(record.Id))
            .Select(record => record with { Body = texts[record.Id] });
        return Score("PolNeAR", records, keepInput);
    }

    private static DatelineScore Score(string corpus, IEnumerable<SourceRecord> records, string? keepInput)
    {
        var path = keepInput ?? Path.Combine(Path.GetTempPath(), $"newssearch-datelines-{Guid.NewGuid():N}.jsonl");
        var expected = new Dictionary<string, (string Place, string Opening)>(StringComparer.Ordinal);
        try
        {
            using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
            {
                foreach (var record in records.Where(r => r.Body.Trim().Length > 0))
                {
                    expected[record.Id] = (record.Dateline, Opening(record.Body));
                    writer.Write(JsonSerializer.Serialize(new WireRecord(record.Id, record.Date, "", record.Title, record.Body), WireJson.Default.WireRecord));
                    writer.Write('\n');
                }
            }

            var misses = new List<DatelineMiss>();
            var falsePlaces = new List<DatelineMiss>();
            int scored = 0, found = 0, withoutPlace = 0;
            foreach (var item in new ArticleSource([path]).Read())
            {
                if (item.Article is not { } article || !expected.TryGetValue(article.Id, out var truth))
                {
                    continue;
                }
                var miss = new DatelineMiss(article.Id, truth.Opening, truth.Place, article.Dateline);
                if (Normalize(truth.Place).Length == 0)
                {
                    withoutPlace++;
                    if (article.Dateline.Length > 0)
                    {
                        falsePlaces.Add(miss);
                    }
                    continue;
                }
                scored++;
                if (Normalize(truth.Place) == Normalize(article.Dateline))
                {
                    found++;
                }
                else
                {
                    misses.Add(miss);
                }
            }

            var groups = misses
                .GroupBy(m => (Kind: m.Found.Length == 0 ? "not found" : "other place", Shape: Shape(m.Opening)))
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.Shape, StringComparer.Ordinal)
                .Select(g => new DatelineMissGroup(g.Key.Kind, g.Key.Shape, g.Count(), g.First()))
                .ToList();
            return new DatelineScore(corpus, scored, found, groups, withoutPlace, falsePlaces.Count, [.. falsePlaces.Take(10)], misses);
        }
        finally
        {
            if (keepInput is null)
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>The comparison the measurement is defined by: case-insensitive, white space collapsed.</summary>
    private static string Normalize(string place) => string.Join(' ', place.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static string Opening(string body)
    {
        var line = body.ReplaceLineEndings(" ");
        return line.Length <= OpeningLength ? line : line[..OpeningLength];
    }

    /// <summary>
    /// The opening up to and including its first dash, with letters and digits abstracted, so misses on
    /// "Bids only -" and "Cattle only -" fall in one group: "A" a run of capitals, "Aa" a capitalised word,
    /// "a" a lower-case word, "9" a number.
    /// </summary>
    private static string Shape(string opening)
    {
        var dash = opening.IndexOfAny(['-', '—', '–']);
        var head = dash >= 0 ? opening[..Math.Min(opening.Length, dash + 1)] : opening[..Math.Min(opening.Length, 30)];
        var shape = WordPattern().Replace(head, m =>
            m.Value.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? "A" : char.IsUpper(m.Value[0]) ? "Aa" : "a");
        return DigitsPattern().Replace(shape, "9");
    }

    [GeneratedRegex(@"\p{L}[\p{L}'’]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsPattern();

    // ---- Reuters-21578 SGML ----------------------------------------------------------------------------------

    /// <summary>NEWID to the <c>&lt;DATELINE&gt;</c> text as printed: control references dropped, entities decoded, spaces collapsed.</summary>
    private static Dictionary<string, string> ReadSgmlDatelines(string folder)
    {
        var datelines = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "reut2-*.sgm.gz") : [];
        if (files.Length == 0)
        {
            throw new NewsSearchException($"no reut2-*.sgm.gz in {folder}: point --corpora at the shared corpora folder (../shared/corpora)");
        }
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            // The SGML is ASCII but for one stray byte, so Latin-1 reads it without failing (see the corpora README).
            var sgml = new StreamReader(gzip, Encoding.Latin1).ReadToEnd();
            foreach (Match story in StoryPattern().Matches(sgml))
            {
                var dateline = DatelinePattern().Match(story.Groups["text"].Value);
                if (dateline.Success)
                {
                    datelines[story.Groups["id"].Value] = CleanSgml(dateline.Groups[1].Value);
                }
            }
        }
        return datelines;
    }

    private static string CleanSgml(string text)
    {
        text = ControlReferencePattern().Replace(text, "").Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Story text that leaked into a dateline after its date ("WASHINGTON, April 9 - The World Bank said ...").</summary>
    private static string LeakedText(string wire)
    {
        var date = MonthDayPattern().Match(wire);
        if (!date.Success)
        {
            return "";
        }
        var rest = wire[(date.Index + date.Length)..].Trim();
        return rest.StartsWith('-') ? rest[1..].TrimStart() : rest;
    }

    [GeneratedRegex(@"<REUTERS[^>]*NEWID=""(?<id>\d+)""[^>]*>(?<text>.*?)</REUTERS>", RegexOptions.Singleline)]
    private static partial Regex StoryPattern();

    [GeneratedRegex(@"<DATELINE>(.*?)</DATELINE>", RegexOptions.Singleline)]
    private static partial Regex DatelinePattern();

    [GeneratedRegex(@"&#\d+;")]
    private static partial Regex ControlReferencePattern();

    // The corpus converter's own rule for where a Reuters dateline's date is (tools/to_jsonl.py).
    [GeneratedRegex(@"[,\s-]*\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b\s*-?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayPattern();

    // ---- PolNeAR ---------------------------------------------------------------------------------------------

    /// <summary>File stem to the article text as published, without its headline block, paragraphs rejoined as the corpus converter does.</summary>
    private static Dictionary<string, string> ReadPolNeARTexts(string archive)
    {
        if (!File.Exists(archive))
        {
            throw new NewsSearchException($"no {archive}: point --corpora at the shared corpora folder (../shared/corpora)");
        }
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            var name = PolNeARTextPattern().Match(entry.Name);
            if (!name.Success || entry.DataStream is null)
            {
                continue;
            }
            var text = new StreamReader(entry.DataStream, Encoding.UTF8).ReadToEnd();
            var headlineEnd = BlankLinePattern().Match(text);
            var body = headlineEnd.Success ? text[(headlineEnd.Index + headlineEnd.Length)..] : text;
            var paragraphs = BlankLinePattern().Split(body)
                .Select(p => string.Join(' ', p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
                .Where(p => p.Length > 0);
            texts[name.Groups["stem"].Value] = string.Join("\n\n", paragraphs);
        }
        return texts;
    }

    [GeneratedRegex(@"^PolNeAR/data/[^/]+/text/(?<stem>.+)\.txt$")]
    private static partial Regex PolNeARTextPattern();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLinePattern();

    // ---- The corpora's JSON Lines ----------------------------------------------------------------------------

    private static IEnumerable<SourceRecord> ReadJsonLines(string file)
    {
        if (!File.Exists(file))
        {
            throw new NewsSearchException($"no {file}: point --corpora at the shared corpora folder (../shared/corpora)");
        }
        using var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && JsonSerializer.Deserialize(line, WireJson.Default.WireRecord) is { } record)
            {
                yield return new SourceRecord(record.Id, record.Date, record.Dateline ?? "", record.Title, record.Body ?? "");
            }
        }
    }

    private sealed record SourceRecord(string Id, string? Date, string Dateline, string? Title, string Body);
}

/// <summary>A record of the corpora's JSON Lines, read and written.</summary>
internal sealed record WireRecord(string Id, string? Date, string? Dateline, string? Title, string? Body);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
[System.Text.Json.Serialization.JsonSerializable(typeof(WireRecord))]
internal sealed partial class WireJson : System.Text.Json.Serialization.JsonSerializerContext;
