using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using NewsSearch.Analysis;
using NewsSearch.Export;
using NewsSearch.Indexing;
using NewsSearch.Tests.Analysis;

namespace NewsSearch.Tests.Export;

/// <summary>
/// The export for Elasticsearch and OpenSearch: its analyzers, read back from the mapping as those engines read
/// them, must cut text as the engine does, and its bulk files must hold every article with its speakers and
/// quotations, in fields the mapping declares.
/// </summary>
public sealed class ElasticsearchExportTests : IDisposable
{
    // Names in their transliterations, possessives and accents, for the speaker field's rules.
    private static readonly string[] NameFragments =
    [
        "Zelenskiy", "Zelensky", "Zelenskyy", "Zelenskij", "Volodymyr", "Khodorkovsky", "Mikhail", "Mihail", "Gaddafi",
        "Gadafi", "Qaddafi", "Dmitrij", "Dmitry", "Yevgeny", "Kyiv", "Kiev", "Muammar", "al-Assad", "O'Brien's", "Müller",
        "Łukasz", "Ærø", "KHAN", "Bb", "ij", "Aij", "ll", "Jean-Luc", "Nguyễn", "Sheikh", "Ali", "Haaretz", " ", ", ", " and ",
    ];

    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_mappings_analyzers_cut_text_as_the_engine_does_for_every_field()
    {
        var analyzers = MappingAnalyzers(ElasticsearchMapping.Create());
        var mapping = JsonDocument.Parse(ElasticsearchMapping.Create()).RootElement.GetProperty("mappings").GetProperty("properties");
        using var engine = NewsAnalyzer.Create();
        var fragments = TextAnalysisTests.Fragments.Concat(NameFragments).ToArray();
        var texts = Gen.Int[0, fragments.Length - 1].Select(i => fragments[i]).Array[0, 40].Select(parts => string.Concat(parts));
        foreach (var field in new[] { NewsFields.Body, NewsFields.Title, NewsFields.Dateline, NewsFields.Speaker })
        {
            var analyzer = analyzers[mapping.GetProperty(field).GetProperty("analyzer").GetString()!];
            Check.Sample(texts, text => Assert.Equal(Tokens(engine, field, text), Tokens(analyzer, field, text)), iter: 1500);
        }
    }

    [Fact]
    public void The_terms_analyzer_keeps_analysed_words_and_leaves_the_gap_words_position_empty()
    {
        var terms = MappingAnalyzers(ElasticsearchMapping.Create())[ElasticsearchMapping.TermsAnalyzer];

        Assert.Equal(["bank|1|0-4", "england|2|13-20", "u.s|1|21-24", "end|0|24-24"],
            Tokens(terms, NewsFields.Body, $"bank {ElasticsearchMapping.GapWord} england u.s"));
    }

    [Fact]
    public void The_mapping_keeps_the_engines_bm25_and_value_gaps()
    {
        var root = JsonDocument.Parse(ElasticsearchMapping.Create(k1: 0.9f, b: 0.4f)).RootElement;
        var bm25 = root.GetProperty("settings").GetProperty("index").GetProperty("similarity").GetProperty("default");
        var properties = root.GetProperty("mappings").GetProperty("properties");
        using var engine = NewsAnalyzer.Create();

        Assert.Equal(("BM25", 0.9, 0.4), (bm25.GetProperty("type").GetString(), bm25.GetProperty("k1").GetDouble(), bm25.GetProperty("b").GetDouble()));
        Assert.Equal(engine.GetPositionIncrementGap(NewsFields.Body), properties.GetProperty(NewsFields.Body).GetProperty("position_increment_gap").GetInt32());
        Assert.Equal(engine.GetPositionIncrementGap(NewsFields.Speaker), properties.GetProperty(NewsFields.Speaker).GetProperty("position_increment_gap").GetInt32());
    }

    [Fact]
    public void Every_article_is_written_with_its_speakers_and_quotations_in_declared_fields()
    {
        using var index = NewsIndex.CreateInMemory();
        index.Upsert(new Article("kyiv-1", new DateOnly(2023, 3, 7), "KYIV,", "\"Our soldiers are holding on,\" Volodymyr Zelenskiy said on Tuesday.\n\n\"We gain time,\" Zelenskiy said.") { Title = "Zelenskiy: we hold", Source = "wire/a.txt" });
        index.Upsert(new Article("brief-2", null, "", "MONKS RALLY IN SAIGON") { Title = "MONKS RALLY IN SAIGON" });
        index.Upsert(new Article("gone-3", new DateOnly(2023, 3, 8), "Paris", "An article deleted before the export."));
        index.Upsert(new Article("plain-4", new DateOnly(2023, 3, 9), "Paris", "Prices rose, the bank said."));
        index.Delete("gone-3");
        index.Commit();
        var target = Path.Combine(folder.Path, "export");

        var report = ElasticsearchExport.Write(index, target, new ElasticsearchExportOptions { IndexName = "archive-2023" });

        var documents = BulkDocuments(target);
        Assert.Contains("alias='archive-2023'", File.ReadAllText(Path.Combine(target, ElasticsearchExport.LoadScript)), StringComparison.Ordinal);
        Assert.Equal(3, report.Articles);
        Assert.Equal(["kyiv-1", "brief-2", "plain-4"], documents.Select(d => d.GetProperty("id").GetString()));
        Assert.Equal([ElasticsearchExport.MappingFile, "bulk-00001.ndjson", ElasticsearchExport.LoadScript], report.Files);

        var kyiv = documents[0];
        Assert.Equal("2023-03-07", kyiv.GetProperty("date").GetString());
        Assert.Equal("kyiv", kyiv.GetProperty("dateline_key").GetString());
        Assert.Equal("Kyiv", kyiv.GetProperty("dateline_facet").GetString());
        Assert.Equal(["Volodymyr Zelenskiy"], kyiv.GetProperty("speaker").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("wire/a.txt", kyiv.GetProperty("source").GetString());
        var body = kyiv.GetProperty("body").GetString()!;
        var quotations = kyiv.GetProperty("quotations").EnumerateArray().ToList();
        Assert.Equal(2, quotations.Count);
        Assert.Equal(report.Quotations, quotations.Count);
        Assert.All(quotations, q => Assert.Equal("Volodymyr Zelenskiy", q.GetProperty("speaker").GetString()));
        Assert.All(quotations, q => Assert.Equal(q.GetProperty("text").GetString(), body[q.GetProperty("start").GetInt32()..q.GetProperty("end").GetInt32()]));
        Assert.Equal("Zelenskiy", quotations[1].GetProperty("source").GetProperty("text").GetString());

        // The brief's text is its headline: indexed once, through the headline the mapping copies into the body.
        Assert.False(documents[1].TryGetProperty("body", out _));
        Assert.Equal("MONKS RALLY IN SAIGON", documents[1].GetProperty("title").GetString());
        Assert.False(documents[1].TryGetProperty("date", out _));

        var declared = JsonDocument.Parse(File.ReadAllText(Path.Combine(target, ElasticsearchExport.MappingFile))).RootElement.GetProperty("mappings");
        Assert.All(documents, d => AssertDeclared(d, declared));
    }

    [Fact]
    public void A_selection_exports_what_its_search_finds_with_only_those_articles_quotations()
    {
        using var index = NewsIndex.CreateInMemory();
        for (var i = 0; i < 40; i++)
        {
            var speaker = i % 3 == 0 ? "Janet Yellen" : "Volodymyr Zelenskiy";
            var topic = i % 2 == 0 ? "grain exports" : "interest rates";
            index.Upsert(new Article($"a{i:D2}", new DateOnly(2023, 1 + (i % 6), 1 + (i % 28)), i % 4 == 0 ? "Kyiv" : "Washington",
                $"Talks on {topic} went on.\n\n\"We will see about {topic},\" {speaker} said. \"Nothing is settled,\" {speaker.Split(' ')[1]} said."));
        }
        index.Commit();
        var selection = new SearchRequest { Query = "grain OR \"interest rates\"", From = new DateOnly(2023, 2, 1), Speaker = "Yellen", Dateline = "washington" };
        var target = Path.Combine(folder.Path, "export");

        var report = ElasticsearchExport.Write(index, target, new ElasticsearchExportOptions { Articles = selection });

        var expected = index.Search(selection with { Limit = 1000 }).Hits.Select(h => h.Id).Order().ToList();
        var documents = BulkDocuments(target);
        Assert.InRange(expected.Count, 2, 20);
        Assert.Equal(expected, documents.Select(d => d.GetProperty("id").GetString()).Order());
        Assert.Equal(2 * expected.Count, report.Quotations);
        Assert.All(documents, d => Assert.All(d.GetProperty("quotations").EnumerateArray(),
            q => Assert.Equal("Janet Yellen", q.GetProperty("speaker").GetString())));
    }

    [Fact]
    public void Bulk_files_close_at_the_size_limit_and_lose_no_article()
    {
        using var index = NewsIndex.CreateInMemory();
        for (var i = 0; i < 30; i++)
        {
            index.Upsert(new Article($"a{i:D2}", new DateOnly(2023, 3, 1 + (i % 28)), "Paris", string.Join(' ', Enumerable.Repeat($"Article {i} says little.", 8))));
        }
        index.Commit();
        var target = Path.Combine(folder.Path, "export");

        var report = ElasticsearchExport.Write(index, target, new ElasticsearchExportOptions { MaxFileBytes = 2048 });

        var bulkFiles = report.Files.Where(f => f.StartsWith("bulk-", StringComparison.Ordinal)).ToList();
        Assert.True(bulkFiles.Count > 3);
        Assert.All(bulkFiles, f => Assert.InRange(new FileInfo(Path.Combine(target, f)).Length, 1, 2048));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"a{i:D2}").Order(), BulkDocuments(target).Select(d => d.GetProperty("id").GetString()).Order());
        Assert.Equal(report.Bytes, report.Files.Sum(f => new FileInfo(Path.Combine(target, f)).Length));
    }

    [Fact]
    public void A_new_export_replaces_the_earlier_ones_files_and_an_interrupted_one_changes_nothing()
    {
        using var index = NewsIndex.CreateInMemory();
        for (var i = 0; i < 10; i++)
        {
            index.Upsert(new Article($"a{i}", null, "", string.Join(' ', Enumerable.Repeat("Words and more words.", 20))));
        }
        index.Commit();
        var target = Path.Combine(folder.Path, "export");
        folder.Write("export/notes.txt", "mine");
        folder.Write("export/bulk-00099.ndjson", "stale");
        ElasticsearchExport.Write(index, target, new ElasticsearchExportOptions { MaxFileBytes = 1024 });
        Assert.True(Directory.GetFiles(target, "bulk-*.ndjson").Length > 2);

        ElasticsearchExport.Write(index, target);
        var before = Directory.GetFiles(target).Order().Select(f => (f, File.ReadAllText(f))).ToList();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => ElasticsearchExport.Write(index, target, new ElasticsearchExportOptions { MaxFileBytes = 1024 }, cancellation: cancelled.Token));

        Assert.Equal(["bulk-00001.ndjson", "load.sh", "mapping.json", "notes.txt"], Directory.GetFiles(target).Select(Path.GetFileName).Order());
        Assert.Equal(before, Directory.GetFiles(target).Order().Select(f => (f, File.ReadAllText(f))));
        Assert.Single(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void A_file_where_the_folder_should_be_is_a_clear_error()
    {
        using var index = NewsIndex.CreateInMemory();
        var file = folder.Write("taken", "not a folder");

        var error = Assert.Throws<NewsSearchException>(() => ElasticsearchExport.Write(index, file));

        Assert.Contains("it is a file; give a folder", error.Message, StringComparison.Ordinal);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("News", "lower case")]
    [InlineData("_news", "cannot start")]
    [InlineData("a b", "cannot hold ' '")]
    [InlineData("a/b", "cannot hold '/'")]
    [InlineData("..", "cannot be")]
    [InlineData("", "is empty")]
    public void A_bad_index_name_is_refused_before_anything_is_written(string name, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new ElasticsearchExportOptions { IndexName = name });

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Every field of a document is in the strict mapping, nested objects in their nested mapping.</summary>
    private static void AssertDeclared(JsonElement document, JsonElement mapping)
    {
        var properties = mapping.GetProperty("properties");
        foreach (var field in document.EnumerateObject())
        {
            Assert.True(properties.TryGetProperty(field.Name, out var declared), $"field '{field.Name}' is not in the mapping");
            var type = declared.TryGetProperty("type", out var t) ? t.GetString() : "object";
            if (type == "nested")
            {
                foreach (var item in field.Value.EnumerateArray())
                {
                    AssertDeclared(item, declared);
                }
            }
            else if (type == "date")
            {
                Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", field.Value.GetString());
            }
            else if (type == "integer")
            {
                Assert.Equal(JsonValueKind.Number, field.Value.ValueKind);
            }
        }
    }

    /// <summary>The documents of every bulk file, checking that each follows its index action (which names no index: load.sh chooses it).</summary>
    private static List<JsonElement> BulkDocuments(string target)
    {
        var documents = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(target, "bulk-*.ndjson").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            Assert.True(lines.Length % 2 == 0, $"{file}: an action without its document");
            for (var i = 0; i < lines.Length; i += 2)
            {
                var action = JsonDocument.Parse(lines[i]).RootElement.GetProperty("index");
                var document = JsonDocument.Parse(lines[i + 1]).RootElement;
                Assert.False(action.TryGetProperty("_index", out _));
                Assert.Equal(document.GetProperty("id").GetString(), action.GetProperty("_id").GetString());
                documents.Add(document);
            }
        }
        return documents;
    }

    /// <summary>
    /// The mapping's analyzers as Elasticsearch builds them, out of the same Lucene classes: each built-in type the
    /// mapping may use, and nothing else (a type not listed here fails the test rather than being guessed).
    /// </summary>
    private static Dictionary<string, Analyzer> MappingAnalyzers(string mappingJson)
    {
        var analysis = JsonDocument.Parse(mappingJson).RootElement.GetProperty("settings").GetProperty("analysis");
        var custom = analysis.GetProperty("filter").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.Clone());
        var analyzers = new Dictionary<string, Analyzer>();
        foreach (var definition in analysis.GetProperty("analyzer").EnumerateObject())
        {
            Assert.Equal("custom", definition.Value.GetProperty("type").GetString());
            var tokenizer = definition.Value.GetProperty("tokenizer").GetString();
            var filters = definition.Value.GetProperty("filter").EnumerateArray().Select(f => f.GetString()!).ToList();
            analyzers[definition.Name] = Analyzer.NewAnonymous(
                (_, reader) =>
                {
                    Tokenizer source = tokenizer switch
                    {
                        "standard" => new StandardTokenizer(LuceneSettings.Version, reader),
                        "whitespace" => new WhitespaceTokenizer(LuceneSettings.Version, reader),
                        _ => throw new InvalidOperationException($"tokenizer '{tokenizer}' is not one the test knows"),
                    };
                    TokenStream stream = source;
                    foreach (var name in filters)
                    {
                        stream = custom.TryGetValue(name, out var filter) ? Custom(filter, stream) : BuiltIn(name, stream);
                    }
                    return new TokenStreamComponents(source, stream);
                });
        }
        return analyzers;
    }

    private static TokenStream BuiltIn(string name, TokenStream input) => name switch
    {
        // Java's Character.toLowerCase, which Elasticsearch's lower-case filter calls, maps the dotted capital I to
        // "i"; Lucene.NET's leaves it (export-check.sh compares with Java Lucene itself).
        "lowercase" => new DottedCapitalIFilter(new LowerCaseFilter(LuceneSettings.Version, input)),
        "asciifolding" => new ASCIIFoldingFilter(input),
        "porter_stem" => new PorterStemFilter(input),
        _ => throw new InvalidOperationException($"built-in filter '{name}' is not one the test knows"),
    };

    private static TokenStream Custom(JsonElement filter, TokenStream input)
    {
        var type = filter.GetProperty("type").GetString();
        return type switch
        {
            "stemmer" when filter.GetProperty("language").GetString() == "possessive_english" => new EnglishPossessiveFilter(LuceneSettings.Version, input),
            "stop" => new StopFilter(LuceneSettings.Version, input,
                new CharArraySet(LuceneSettings.Version, filter.GetProperty("stopwords").EnumerateArray().Select(w => w.GetString()!).ToList(), ignoreCase: false)),
            "pattern_replace" => new PatternReplaceFilter(input, new Regex(filter.GetProperty("pattern").GetString()!),
                filter.GetProperty("replacement").GetString(), filter.GetProperty("all").GetBoolean()),
            _ => throw new InvalidOperationException($"filter type '{type}' is not one the test knows"),
        };
    }

    /// <summary>Every token as text|position increment|offsets, then the stream's end state.</summary>
    private static List<string> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add($"{term}|{increment.PositionIncrement}|{offset.StartOffset}-{offset.EndOffset}");
        }
        stream.End();
        tokens.Add($"end|{increment.PositionIncrement}|{offset.StartOffset}-{offset.EndOffset}");
        return tokens;
    }
}
