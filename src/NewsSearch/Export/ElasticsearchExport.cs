using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsSearch.Analysis;
using NewsSearch.Indexing;
using NewsSearch.Querying;

namespace NewsSearch.Export;

/// <summary>Options of <see cref="ElasticsearchExport.Write"/>.</summary>
public sealed record ElasticsearchExportOptions
{
    /// <summary>
    /// The alias searches use: the load script fills a new index <c>NAME-TIME</c> each time and moves the alias to it
    /// once it is complete. Default: <c>news</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The name breaks the engines' rules for index names.</exception>
    public string IndexName
    {
        get;
        init => field = ElasticsearchExport.CheckIndexName(value);
    } = "news";

    /// <summary>
    /// A bulk file is closed once it holds this many bytes, so each one is a request of a size the engines take well
    /// (their documentation suggests 5 to 15 MB; the default request limit is 100 MB). Default: 10 MB.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1 KB or above 100 MB.</exception>
    public long MaxFileBytes
    {
        get;
        init => field = value is >= 1024 and <= 100L * 1024 * 1024
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxFileBytes), value, "MaxFileBytes must be between 1 KB and 100 MB.");
    } = 10L * 1024 * 1024;

    /// <summary>
    /// Only the articles this search's query and filters match (its order, page and ranking do not matter), with
    /// their quotations. Default: <c>null</c>, every article.
    /// </summary>
    public SearchRequest? Articles { get; init; }
}

/// <summary>What an export wrote.</summary>
/// <param name="Folder">The folder holding the export.</param>
/// <param name="Articles">Articles written.</param>
/// <param name="Quotations">Quotations written with them.</param>
/// <param name="Files">The files written, in loading order: the mapping, the bulk files, the load script.</param>
/// <param name="Bytes">Bytes written in all.</param>
/// <param name="Elapsed">Time taken.</param>
public sealed record ElasticsearchExportReport(string Folder, int Articles, int Quotations, IReadOnlyList<string> Files, long Bytes, TimeSpan Elapsed);

/// <summary>
/// Writes an index's articles for Elasticsearch or OpenSearch: the same documents (text, date, dateline, headline,
/// canonical speakers, quotations with their speakers and offsets), with the same analysis
/// (<see cref="ElasticsearchMapping"/>), as files the engines' bulk API loads. Scaling past one machine is theirs to
/// do; the export makes sure what they index is what NewsSearch indexed.
/// </summary>
public static class ElasticsearchExport
{
    /// <summary>The file holding the index's settings and mappings.</summary>
    public const string MappingFile = "mapping.json";

    /// <summary>The script that loads the bulk files with curl into a new index and moves the alias to it.</summary>
    public const string LoadScript = "load.sh";

    private const string BulkPrefix = "bulk-";
    private const string BulkSuffix = ".ndjson";

    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes <paramref name="index"/>'s articles, as of its last commit, into <paramref name="folder"/>:
    /// <see cref="MappingFile"/>, <c>bulk-00001.ndjson</c>, ... and <see cref="LoadScript"/>. The files are written
    /// beside the folder first and replace an earlier export only when all are complete, so an interrupted export
    /// leaves the earlier one as it was.
    /// </summary>
    /// <param name="index">The index to export.</param>
    /// <param name="folder">Where the export goes; created when missing.</param>
    /// <param name="options">Alias name and file size. Default: <c>news</c>, 10 MB.</param>
    /// <param name="progress">Told the number of articles written so far, every 10,000 and at the end.</param>
    /// <param name="cancellation">Stops the export, leaving the folder as it was.</param>
    /// <exception cref="NewsSearchException">The folder cannot be written.</exception>
    /// <exception cref="OperationCanceledException">The export was cancelled.</exception>
    public static ElasticsearchExportReport Write(
        NewsIndex index, string folder, ElasticsearchExportOptions? options = null, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        options ??= new ElasticsearchExportOptions();
        var clock = Stopwatch.StartNew();
        var target = Path.GetFullPath(folder);
        if (File.Exists(target))
        {
            throw new NewsSearchException($"cannot write the export to '{target}': it is a file; give a folder (created when missing)");
        }
        var staging = target.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + ".partial-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Directory.CreateDirectory(staging);
            var mapping = ElasticsearchMapping.Create(index.Options.BM25K1, index.Options.BM25B);
            File.WriteAllText(Path.Combine(staging, MappingFile), mapping);
            var (articles, quotations, bulkFiles) = index.WithSearcher(searcher =>
                WriteBulkFiles(searcher.IndexReader, Selected(searcher, index.Analyzer, options.Articles), staging, options, progress, cancellation));
            File.WriteAllText(Path.Combine(staging, LoadScript), Script(options.IndexName, bulkFiles.Count));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.Combine(staging, LoadScript),
                    UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }
            var names = new List<string> { MappingFile };
            names.AddRange(bulkFiles);
            names.Add(LoadScript);
            Replace(staging, target, names);
            var bytes = names.Sum(name => new FileInfo(Path.Combine(target, name)).Length);
            return new ElasticsearchExportReport(target, articles, quotations, names, bytes, clock.Elapsed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NewsSearchException($"cannot write the export to '{target}': {e.Message}", e);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>
    /// One article as the bulk API indexes it (the action line is separate): the fields of
    /// <see cref="ElasticsearchMapping"/>, absent when the article has no value for them.
    /// </summary>
    internal static void WriteDocument(Utf8JsonWriter json, IndexedArticle indexed, IReadOnlyList<Quotation> quotations)
    {
        var article = indexed.Article;
        json.WriteStartObject();
        json.WriteString(NewsFields.Id, article.Id);
        if (article.Date is { } date)
        {
            json.WriteString(NewsFields.Date, EngineJson.Day(date));
        }
        json.WriteString(NewsFields.Dateline, article.Dateline);
        if (article.Dateline.Length > 0)
        {
            json.WriteString(NewsFields.DatelineKey, Dateline.Key(article.Dateline));
            json.WriteString(NewsFields.DatelineFacet, Dateline.Display(article.Dateline));
        }
        // A brief whose text is its headline is indexed once (ArticleDocument.Build): here the headline alone,
        // which the mapping copies into the body.
        var brief = article.Title is { } headline && string.Equals(headline.Trim(), article.Body.Trim(), StringComparison.Ordinal);
        if (!brief)
        {
            json.WriteString(NewsFields.Body, article.Body);
        }
        if (!string.IsNullOrWhiteSpace(article.Title))
        {
            json.WriteString(NewsFields.Title, article.Title);
        }
        json.WriteStartArray(NewsFields.Speaker);
        foreach (var speaker in indexed.Speakers)
        {
            json.WriteStringValue(speaker);
        }
        json.WriteEndArray();
        if (article.Source is { } source)
        {
            json.WriteString(NewsFields.Source, source);
        }
        json.WriteStartArray(ElasticsearchMapping.Quotations);
        foreach (var quotation in quotations)
        {
            json.WriteStartObject();
            json.WriteString("text", quotation.Text);
            // The article's day and place again, as on the engine's quotation documents: a quotation search's
            // date: and dateline: clauses then stay inside its nested query.
            if (article.Date is { } day)
            {
                json.WriteString(NewsFields.Date, EngineJson.Day(day));
            }
            json.WriteString(NewsFields.Dateline, article.Dateline);
            if (article.Dateline.Length > 0)
            {
                json.WriteString(NewsFields.DatelineKey, Dateline.Key(article.Dateline));
            }
            json.WriteNumber("start", quotation.Start);
            json.WriteNumber("end", quotation.End);
            if (quotation.Speaker is { } speaker)
            {
                json.WriteString("speaker", speaker);
            }
            if (quotation.Source is { } mention)
            {
                json.WriteStartObject("source");
                json.WriteString("text", mention.Text);
                json.WriteNumber("start", mention.Start);
                json.WriteNumber("end", mention.End);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The engines' rules for index names, checked before anything is written.</summary>
    internal static string CheckIndexName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string? problem = name switch
        {
            "" => "is empty",
            "." or ".." => "cannot be . or ..",
            _ when name[0] is '-' or '_' or '+' => "cannot start with -, _ or +",
            _ when name.Any(char.IsUpper) => "must be lower case",
            _ when name.IndexOfAny(['\\', '/', '*', '?', '"', '<', '>', '|', ' ', ',', '#', ':']) is >= 0 and var at => $"cannot hold '{name[at]}'",
            // The engines allow 255 bytes; the load script adds "-" and a 14-digit time.
            _ when System.Text.Encoding.UTF8.GetByteCount(name) > 240 => "is longer than 240 bytes",
            _ => null,
        };
        return problem is null
            ? name
            : throw new ArgumentException($"The index name '{name}' {problem} (Elasticsearch and OpenSearch index names are lower case, without \\ / * ? \" < > | , # : or spaces).", nameof(name));
    }

    /// <summary>
    /// The articles a selection matches, by document number across the index (null: all), found with the query and
    /// filters <see cref="NewsIndex.Search"/> would use, so the export holds what that search finds.
    /// </summary>
    private static FixedBitSet? Selected(IndexSearcher searcher, Lucene.Net.Analysis.Analyzer analyzer, SearchRequest? selection)
    {
        if (selection is null)
        {
            return null;
        }
        SearchExecutor.Validate(selection);
        var (query, filter) = SearchExecutor.Matching(selection, analyzer);
        var matches = new MatchCollector(searcher.IndexReader.MaxDoc);
        searcher.Search(query ?? new MatchAllDocsQuery(), filter, matches);
        return matches.Documents;
    }

    private static (int Articles, int Quotations, List<string> Files) WriteBulkFiles(
        IndexReader reader, FixedBitSet? selected, string folder, ElasticsearchExportOptions options, IProgress<int>? progress, CancellationToken cancellation)
    {
        var files = new List<string>();
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        FileStream? file = null;
        var articles = 0;
        var quotations = 0;
        var blockQuotations = new List<StoredQuotation>();

        void Write(IndexedArticle article, List<Quotation> quoted)
        {
            buffer.Clear();
            using (var json = new Utf8JsonWriter(buffer, LineOptions))
            {
                json.WriteStartObject();
                // No _index: the load script sends each file to the index it is filling (see Script).
                json.WriteStartObject("index");
                json.WriteString("_id", article.Article.Id);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            buffer.Write("\n"u8);
            using (var json = new Utf8JsonWriter(buffer, LineOptions))
            {
                WriteDocument(json, article, quoted);
            }
            buffer.Write("\n"u8);
            if (file is not null && file.Length > 0 && file.Length + buffer.WrittenCount > options.MaxFileBytes)
            {
                file.Dispose();
                file = null;
            }
            if (file is null)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"{BulkPrefix}{files.Count + 1:D5}{BulkSuffix}");
                files.Add(name);
                file = new FileStream(Path.Combine(folder, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            }
            file.Write(buffer.WrittenSpan);
            articles++;
            quotations += quoted.Count;
            if (articles % 10_000 == 0)
            {
                progress?.Report(articles);
                cancellation.ThrowIfCancellationRequested();
            }
        }

        try
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (var leaf in reader.Leaves)
            {
                var atomic = leaf.AtomicReader;
                var live = atomic.LiveDocs;
                // The kind is indexed, not stored: the cached filter of quotations says which documents are.
                var quotationDocs = DocumentKinds.Quotations.GetDocIdSet(leaf, null)?.Bits;
                bool IsQuotation(int doc) => quotationDocs is not null && quotationDocs.Get(doc);
                bool IsSelected(int doc) => selected is null || selected.Get(leaf.DocBase + doc);
                blockQuotations.Clear();
                // The article document that ends the current block of quotations.
                var blockArticle = -1;
                for (var doc = 0; doc < atomic.MaxDoc; doc++)
                {
                    if (live is not null && !live.Get(doc))
                    {
                        continue;
                    }
                    if (IsQuotation(doc))
                    {
                        // An article's quotations come just before it, in one block (ArticlePreparation): those of an
                        // article left out are skipped without reading them.
                        if (doc > blockArticle)
                        {
                            for (blockArticle = doc; blockArticle < atomic.MaxDoc && IsQuotation(blockArticle); blockArticle++)
                            {
                            }
                        }
                        if (blockArticle < atomic.MaxDoc && IsSelected(blockArticle))
                        {
                            blockQuotations.Add(ArticleDocument.ReadQuotation(atomic.Document(doc)));
                        }
                        else
                        {
                            doc = blockArticle - 1;
                        }
                        continue;
                    }
                    if (IsSelected(doc))
                    {
                        var read = ArticleDocument.Read(atomic.Document(doc));
                        Write(read, blockQuotations.Where(q => q.ArticleId == read.Article.Id).Select(q => q.Quotation).ToList());
                    }
                    blockQuotations.Clear();
                }
            }
            progress?.Report(articles);
            return (articles, quotations, files);
        }
        finally
        {
            file?.Dispose();
        }
    }

    /// <summary>Moves the staged files into <paramref name="target"/>, after removing an earlier export's files there.</summary>
    private static void Replace(string staging, string target, List<string> names)
    {
        Directory.CreateDirectory(target);
        foreach (var old in Directory.EnumerateFiles(target, BulkPrefix + "*" + BulkSuffix))
        {
            File.Delete(old);
        }
        foreach (var name in names)
        {
            File.Move(Path.Combine(staging, name), Path.Combine(target, name), overwrite: true);
        }
    }

    /// <summary>
    /// A POSIX shell script that loads the export behind an alias: the documents go into a new index named after the
    /// alias and the time, and only once every file is in does the alias move to it (in one atomic request, away from
    /// the index it named before, which is then deleted). Searches of the alias see the old articles or the new ones,
    /// never half of them, and a failed load leaves the alias as it was and deletes what it had loaded. It stops at
    /// the first failure: curl's for the connection, and the bulk API's own <c>"errors": true</c>, which comes with
    /// status 200.
    /// </summary>
    private static string Script(string indexName, int bulkFiles) => $$$"""
        #!/bin/sh
        # Loads this NewsSearch export into Elasticsearch (7 or later) or OpenSearch, {{{bulkFiles}}} bulk file(s):
        #   ./load.sh [URL]        URL default: http://localhost:9200; add credentials as curl takes them, for example
        #                          CURL_OPTS='-u elastic:PASSWORD --cacert ca.crt' ./load.sh https://localhost:9200
        # Search the alias '{{{indexName}}}'. Each load fills a new index '{{{indexName}}}-TIME' and, once it is complete, moves the
        # alias to it and deletes the index the alias named before; a failed load changes nothing that searches see.
        set -eu
        url="${1:-http://localhost:9200}"
        alias='{{{indexName}}}'
        new="$alias-$(date -u +%Y%m%d%H%M%S)"
        cd "$(dirname "$0")"
        # shellcheck disable=SC2086
        call() { curl -fsS ${CURL_OPTS:-} "$@"; }
        # shellcheck disable=SC2086
        status() { curl -sS ${CURL_OPTS:-} -o /dev/null -w '%{http_code}' "$@"; }

        if [ "$(status "$url/_alias/$alias")" != 200 ] && [ "$(status -I "$url/$alias")" = 200 ]; then
          echo "load.sh: '$alias' is an index, not an alias: delete it, or export with another --name" >&2
          exit 1
        fi
        old="$(call "$url/_alias/$alias" 2>/dev/null | grep -o '"[^"]*":{"aliases"' | sed 's/^"\(.*\)":{"aliases"$/\1/' || true)"

        call -X PUT "$url/$new" -H 'Content-Type: application/json' --data-binary @mapping.json > /dev/null
        trap 'echo "load.sh: deleting the incomplete index $new" >&2; call -X DELETE "$url/$new" > /dev/null || true' EXIT
        # Refreshing while loading only slows the load; the index is refreshed once at the end.
        call -X PUT "$url/$new/_settings" -H 'Content-Type: application/json' -d '{"index":{"refresh_interval":"-1"}}' > /dev/null
        for f in bulk-*.ndjson; do
          [ -e "$f" ] || continue
          response="$(call -X POST "$url/$new/_bulk?filter_path=errors,items.*.error" -H 'Content-Type: application/x-ndjson' --data-binary "@$f")"
          case "$response" in
            *'"errors":false'*) echo "loaded $f" ;;
            *) echo "load.sh: $f was not fully indexed: $response" >&2; exit 1 ;;
          esac
        done
        call -X PUT "$url/$new/_settings" -H 'Content-Type: application/json' -d '{"index":{"refresh_interval":null}}' > /dev/null
        call -X POST "$url/$new/_refresh" > /dev/null

        actions="{\"add\":{\"index\":\"$new\",\"alias\":\"$alias\"}}"
        for index in $old; do
          actions="$actions,{\"remove\":{\"index\":\"$index\",\"alias\":\"$alias\"}}"
        done
        call -X POST "$url/_aliases" -H 'Content-Type: application/json' -d "{\"actions\":[$actions]}" > /dev/null
        trap - EXIT
        for index in $old; do
          call -X DELETE "$url/$index" > /dev/null && echo "deleted the previous index $index"
        done
        echo "'$alias' at $url now names $new"

        """;

    /// <summary>Every matching document's number across the index; scores are not needed.</summary>
    private sealed class MatchCollector(int maxDoc) : ICollector
    {
        private int docBase;

        public FixedBitSet Documents { get; } = new(maxDoc);

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

        public void Collect(int doc) => Documents.Set(docBase + doc);
    }
}
