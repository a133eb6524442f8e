using System.Text.Json;

namespace NewsSearch.Cli.Tests;

/// <summary><c>export</c>: the files for Elasticsearch and OpenSearch, and what the command says about them.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public ExportCommandTests()
    {
        cli.Write("articles/kyiv.txt", "date 2023-03-07 Kyiv: \"Our soldiers are holding on,\" Volodymyr Zelenskiy said.\n\n"
            + "date 2023-03-08 Paris: Prices rose in March, the bank said.\n");
    }

    public void Dispose() => cli.Dispose();

    /// <summary>Indexes the two articles the constructor wrote; returns the index folder.</summary>
    private string IndexArticles()
    {
        var index = Path.Combine(cli.WorkingDirectory, "ix");
        Assert.Equal(0, cli.Run("index", "--index", index, Path.Combine(cli.WorkingDirectory, "articles")).ExitCode);
        return index;
    }

    [Fact]
    public void Export_WritesTheMappingBulkFilesAndScript_AndSaysHowToLoadThem()
    {
        var index = IndexArticles();

        var result = cli.Run("export", "--index", index, "out", "--name", "wires");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var folder = Path.Combine(cli.WorkingDirectory, "out");
        Assert.Matches(@"^exported 2 articles and 1 quotations to .*out in [0-9.]+ s: mapping.json, 1 bulk file, load.sh \([0-9.]+ MB\)\n"
            + @"load into Elasticsearch or OpenSearch, behind the alias 'wires': .*load.sh \[URL, default http://localhost:9200\]\n$", result.Out);
        Expected.Matches("export-mapping.json", File.ReadAllText(Path.Combine(folder, "mapping.json")));
        var lines = File.ReadAllLines(Path.Combine(folder, "bulk-00001.ndjson"));
        Assert.Equal(4, lines.Length);
        // The action names no index (load.sh sends each file to the one it fills), only the article.
        Assert.Equal(["{\"index\":{\"_id\":\"kyiv.txt#1\"}}", "{\"index\":{\"_id\":\"kyiv.txt#2\"}}"], new[] { lines[0], lines[2] }.Order(StringComparer.Ordinal));
        Assert.Contains("alias='wires'", File.ReadAllText(Path.Combine(folder, "load.sh")), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Json_ListsTheFiles()
    {
        var index = IndexArticles();

        var result = cli.Run("export", "--index", index, "out", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(2, json.RootElement.GetProperty("articles").GetInt32());
        Assert.Equal("news", json.RootElement.GetProperty("index_name").GetString());
        Assert.Equal(["mapping.json", "bulk-00001.ndjson", "load.sh"], json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void Export_WithAQueryAndFilters_WritesOnlyTheArticlesTheyMatch()
    {
        var index = IndexArticles();

        var result = cli.Run("export", "--index", index, "out", "soldiers", "--dateline", "kyiv", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal((1, 1), (json.RootElement.GetProperty("articles").GetInt32(), json.RootElement.GetProperty("quotations").GetInt32()));
        Assert.Contains("\"_id\":\"kyiv.txt#1\"", File.ReadAllText(Path.Combine(cli.WorkingDirectory, "out", "bulk-00001.ndjson")), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_OfASelectionMatchingNothing_ExitsWithOne_AsSearchDoes()
    {
        var index = IndexArticles();

        var result = cli.Run("export", "--index", index, "out", "nothingmatchesthis");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("exported 0 articles and 0 quotations", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchElasticsearch_PrintsTheRequestBody_WithoutAnIndex()
    {
        var result = cli.Run("search", "\"bank of england\" rates date:2023-03", "--speaker", "Qin Gang", "--sort", "-date", "--limit", "5", "--counts", "--elasticsearch");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Expected.Matches("search-elasticsearch.json", result.Out);
        Assert.False(Directory.Exists(Path.Combine(cli.WorkingDirectory, "index")));
    }

    [Fact]
    public void QuotesElasticsearch_PrintsTheNestedRequestBody_WithoutAnIndex()
    {
        var result = cli.Run("quotes", "\"holding on\" date:2023", "--speaker", "zelensky", "--limit", "3", "--elasticsearch");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Expected.Matches("quotes-elasticsearch.json", result.Out);
        Assert.False(Directory.Exists(Path.Combine(cli.WorkingDirectory, "index")));
    }

    [Fact]
    public void SearchElasticsearch_BadQuery_IsTheSearchError()
    {
        var result = cli.Run("search", "date:2023-02-30", "--elasticsearch");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("February 2023 has 28 days", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--name", "News", "newssearch: --name: The index name 'News' must be lower case")]
    [InlineData("--file-mb", "0", "newssearch: --file-mb")]
    public void Export_BadOption_IsAnError_AndWritesNothing(string option, string value, string expected)
    {
        var index = IndexArticles();

        var result = cli.Run("export", "--index", index, "out", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cli.WorkingDirectory, "out")));
    }
}
