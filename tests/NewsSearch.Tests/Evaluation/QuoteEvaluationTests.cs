using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NewsSearch.Evaluation;

namespace NewsSearch.Tests.Evaluation;

/// <summary>The PolNeAR measures on a corpus the test writes in PolNeAR's layout (the real one is not needed).</summary>
public sealed class QuoteEvaluationTests : IDisposable
{
    private const string Text = "Headline.\n\n\"We will win,\" Jane Doe said. The city \"is ready,\" officials said. She called it \"a scare quote\" too.";
    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Dev_RecallPrecisionAndAttribution_AsDefined()
    {
        WriteCorpus(
            Attribution("Jane Doe", "\"We will win,\"", quoted: true),
            // The gold source here is "The city": the extracted source ("officials") does not overlap it.
            Attribution("The city", "The city \"is ready,\"", quoted: true),
            Attribution("officials", "Headline", quoted: false),
            // Quoted but without a source: not a gold quotation (gold stays at 2).
            Attribution(null, "\"We will win,\"", quoted: true));

        var report = QuoteEvaluation.RunPolnear(folder.Path, "dev", maxErrors: 5);

        Assert.Equal((1, 1, 2, 3), (report.Articles, report.Annotations, report.GoldQuotations, report.ExtractedQuotations));
        Assert.Equal(1.0, report.Recall);
        Assert.Equal(2.0 / 3, report.Precision, 6);
        Assert.Equal(0.5, report.AttributionAccuracy);
        Assert.Contains(report.Errors, e => e.Kind == "misattributed" && e.Quotation.Contains("is ready", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Kind == "spurious" && e.Quotation.Contains("a scare quote", StringComparison.Ordinal));
    }

    [Fact]
    public void TestSplit_IsRefused()
    {
        WriteCorpus();

        var error = Assert.Throws<NewsSearchException>(() => QuoteEvaluation.RunPolnear(folder.Path, "test"));
        Assert.Contains("withheld", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingCorpus_SaysWhatShouldBeThere()
    {
        var error = Assert.Throws<NewsSearchException>(() => QuoteEvaluation.RunPolnear(Path.Combine(folder.Path, "nowhere"), "dev"));
        Assert.Contains("polnear.attributions.jsonl.gz", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("that “keep the details” private", 1)]
    [InlineData("“one” and “two”", 2)]
    [InlineData("“runs on to the end", 1)]
    [InlineData("no quotation marks", 0)]
    public void QuotedSpans_InsideAnnotatedContent(string content, int expected)
    {
        Assert.Equal(expected, QuoteEvaluation.QuotedSpans(content, 0, content.Length).Count);
    }

    private static Dictionary<string, object?> Attribution(string? source, string content, bool quoted)
    {
        object Span(string text)
        {
            var start = Text.IndexOf(text, StringComparison.Ordinal);
            Assert.True(start >= 0, text);
            return new Dictionary<string, object> { ["text"] = text, ["segments"] = new[] { new[] { start, start + text.Length } } };
        }
        return new Dictionary<string, object?>
        {
            ["source"] = source is null ? Array.Empty<object>() : new[] { Span(source) },
            ["cue"] = Array.Empty<object>(),
            ["content"] = new[] { Span(content) },
            ["has_quote_marks"] = quoted,
        };
    }

    private void WriteCorpus(params Dictionary<string, object?>[] attributions)
    {
        const string member = "PolNeAR/data/dev/text/a.txt";
        using (var file = File.Create(Path.Combine(folder.Path, "polnear-v1.0.0-train-dev.tar.gz")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, member) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(Text)) };
            tar.WriteEntry(entry);
        }
        var line = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = "a", ["compartment"] = "dev", ["annotator"] = "x", ["publisher"] = "p", ["text_file"] = member, ["body_start"] = 11,
            ["attributions"] = attributions,
        });
        using var annotations = new GZipStream(File.Create(Path.Combine(folder.Path, "polnear.attributions.jsonl.gz")), CompressionLevel.Fastest);
        annotations.Write(Encoding.UTF8.GetBytes(line + "\n"));
    }
}
