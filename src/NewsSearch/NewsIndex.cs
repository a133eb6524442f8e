using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using NewsSearch.Analysis;
using NewsSearch.Extraction;
using NewsSearch.Indexing;
using NewsSearch.Querying;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace NewsSearch;

/// <summary>
/// A news index on disk (or in memory): add, update and delete articles, commit, and search. Searching sees the
/// last commit; it is safe from several threads at once and while another thread indexes. The writer is opened on
/// the first change, so an index opened only to search never takes the write lock. Dispose it when done.
/// </summary>
/// <example>
/// <code>
/// using var index = NewsIndex.OpenOrCreate("index");
/// index.IndexPaths(["seeds"]);
/// var results = index.Search(new SearchRequest { Query = "\"invisible hand\"", Speaker = "Qin Gang" });
/// foreach (var hit in results.Hits) Console.WriteLine($"{hit.Date} {hit.Dateline} {hit.Id}");
/// </code>
/// </example>
public sealed class NewsIndex : IDisposable
{
    private readonly LuceneDirectory directory;
    private readonly Analyzer analyzer;
    private readonly Similarity similarity;
    private readonly SearcherManager searchers;
    private readonly NewsIndexOptions options;
    private readonly System.Threading.Lock writerGate = new();

    // Articles written since the last commit (id to fingerprint): the searcher cannot see them yet, but a second
    // copy of the same id in one batch must still count as updated or unchanged, not added.
    private readonly ConcurrentDictionary<string, string> uncommitted = new(StringComparer.Ordinal);
    private IndexWriter? writer;
    private bool disposed;

    private NewsIndex(LuceneDirectory directory, string? location, NewsIndexOptions options, bool create)
    {
        this.directory = directory;
        this.options = options;
        Location = location;
        analyzer = NewsAnalyzer.Create();
        similarity = new BM25Similarity(options.BM25K1, options.BM25B);
        try
        {
            if (create)
            {
                // A reader needs a commit to open: write an empty one, and keep the writer for the changes to come.
                writer = OpenWriter(OpenMode.CREATE);
                writer.Commit();
            }
            searchers = new SearcherManager(directory, new NewsSearcherFactory(similarity));
        }
        catch
        {
            writer?.Dispose();
            analyzer.Dispose();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>The index folder, or <c>null</c> for an in-memory index.</summary>
    public string? Location { get; }

    /// <summary>Whether <paramref name="path"/> holds an index.</summary>
    public static bool Exists(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!System.IO.Directory.Exists(path))
        {
            return false;
        }
        using var fs = FSDirectory.Open(path);
        return DirectoryReader.IndexExists(fs);
    }

    /// <summary>Opens the index at <paramref name="path"/>.</summary>
    /// <exception cref="IndexNotFoundException">The folder holds no index.</exception>
    public static NewsIndex Open(string path, NewsIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Exists(path))
        {
            throw new IndexNotFoundException(path);
        }
        return new NewsIndex(FSDirectory.Open(path), path, options ?? NewsIndexOptions.Default, create: false);
    }

    /// <summary>Opens the index at <paramref name="path"/>, creating the folder and an empty index when there is none.</summary>
    /// <exception cref="IndexLockedException">Another process is creating the index.</exception>
    public static NewsIndex OpenOrCreate(string path, NewsIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var exists = Exists(path);
        if (!exists)
        {
            System.IO.Directory.CreateDirectory(path);
        }
        return new NewsIndex(FSDirectory.Open(path), path, options ?? NewsIndexOptions.Default, create: !exists);
    }

    /// <summary>Creates an empty index in memory, for tests and short-lived use.</summary>
    public static NewsIndex CreateInMemory(NewsIndexOptions? options = null) =>
        new(new RAMDirectory(), null, options ?? NewsIndexOptions.Default, create: true);

    /// <summary>Number of articles in the last commit.</summary>
    public int Count => WithSearcher(searcher => searcher.IndexReader.NumDocs);

    /// <summary>
    /// Adds the article, or replaces the article with the same id. Speakers are extracted from the body here.
    /// The change is visible to searches after <see cref="Commit"/>.
    /// </summary>
    /// <exception cref="IndexLockedException">Another process is writing to the index.</exception>
    public UpsertOutcome Upsert(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        ObjectDisposedException.ThrowIf(disposed, this);
        var fingerprint = ArticleDocument.Fingerprint(article);
        var outcome = Classify(article.Id, fingerprint);
        if (outcome == UpsertOutcome.Unchanged)
        {
            return outcome;
        }
        var speakers = options.ExtractSpeakers ? SpeakerExtractor.Extract(article.Body) : [];
        var document = ArticleDocument.Build(article, speakers, fingerprint);
        Writer.UpdateDocument(new Term(NewsFields.Id, article.Id), document);
        uncommitted[article.Id] = fingerprint;
        return outcome;
    }

    /// <summary>Deletes the article with this id; <c>false</c> when there is none. Visible after <see cref="Commit"/>.</summary>
    public bool Delete(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        ObjectDisposedException.ThrowIf(disposed, this);
        var existed = uncommitted.TryRemove(id, out _) | WithSearcher(searcher => FindLive(searcher.IndexReader, NewsFields.Id, id));
        if (existed)
        {
            Writer.DeleteDocuments(new Term(NewsFields.Id, id));
        }
        return existed;
    }

    /// <summary>Makes every change durable and visible to searches. Cheap when nothing changed.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        lock (writerGate)
        {
            if (writer is null)
            {
                return;
            }
            writer.Commit();
        }
        searchers.MaybeRefreshBlocking();
        uncommitted.Clear();
    }

    /// <summary>
    /// Indexes files and folders (recursively) in the seed format, then commits. Bad input is reported in the
    /// result and skipped; it never stops the rest of the batch.
    /// </summary>
    /// <param name="paths">Files and folders. Hidden files and the index's own folder are skipped.</param>
    /// <param name="progress">Told after each file, when given.</param>
    /// <param name="cancellation">Stops between files; what was written is committed by the caller's <see cref="Commit"/> or <see cref="Dispose"/>.</param>
    public IndexReport IndexPaths(IEnumerable<string> paths, IProgress<IngestProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ObjectDisposedException.ThrowIf(disposed, this);
        return BatchIndexer.Run(this, paths, progress, cancellation);
    }

    /// <summary>The article with this id as of the last commit, or <c>null</c>.</summary>
    public IndexedArticle? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return WithSearcher(searcher =>
        {
            var top = searcher.Search(new TermQuery(new Term(NewsFields.Id, id)), 1);
            return top.TotalHits == 0 ? null : ArticleDocument.Read(searcher.Doc(top.ScoreDocs[0].Doc));
        });
    }

    /// <summary>Runs a search against the last commit.</summary>
    /// <exception cref="QuerySyntaxException">The query text cannot be understood.</exception>
    /// <exception cref="NewsSearchException">A filter is impossible (an empty date range, a speaker with no letters).</exception>
    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WithSearcher(searcher => SearchExecutor.Execute(searcher, analyzer, request));
    }

    /// <summary>
    /// Articles like the one with this id ("more like this"): those sharing most of its distinctive words, best
    /// first, the article itself excluded. With <see cref="RelatedRequest.Before"/> or <see cref="RelatedRequest.AsOf"/>
    /// only earlier articles count: the background a reader of it could have known.
    /// </summary>
    /// <returns>The related articles, or <c>null</c> when no article has this id.</returns>
    /// <exception cref="NewsSearchException"><see cref="RelatedRequest.AsOf"/> was asked for an undated article.</exception>
    public RelatedResults? Related(string id, RelatedRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        return WithSearcher(searcher => RelatedFinder.Find(searcher, analyzer, id, request ?? new RelatedRequest()));
    }

    /// <summary>Number of articles, the date span, and the most frequent datelines and speakers.</summary>
    /// <param name="top">How many datelines and speakers to list. Default: 10.</param>
    public IndexStatistics GetStatistics(int top = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        return WithSearcher(searcher =>
        {
            var counts = new CountsCollector();
            searcher.Search(new MatchAllDocsQuery(), counts);
            counts.Complete();
            DateOnly? first = counts.Days.Count == 0 ? null : ArticleDocument.FromDayNumber(counts.Days.Keys.Min());
            DateOnly? last = counts.Days.Count == 0 ? null : ArticleDocument.FromDayNumber(counts.Days.Keys.Max());
            return new IndexStatistics(counts.Total, first, last, CountsCollector.Top(counts.Datelines, top), CountsCollector.Top(counts.Speakers, top));
        });
    }

    /// <summary>Commits pending changes and releases the index (and its write lock).</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        searchers.Dispose();
        lock (writerGate)
        {
            // Disposing the writer commits what is pending and waits for merges.
            writer?.Dispose();
            writer = null;
        }
        analyzer.Dispose();
        directory.Dispose();
    }

    private IndexWriter Writer
    {
        get
        {
            lock (writerGate)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                return writer ??= OpenWriter(OpenMode.APPEND);
            }
        }
    }

    private IndexWriter OpenWriter(OpenMode mode)
    {
        // A config belongs to one writer (Lucene refuses to reuse it), so build a fresh one each time.
        var config = new IndexWriterConfig(LuceneSettings.Version, analyzer)
        {
            OpenMode = mode,
            Similarity = similarity,
            RAMBufferSizeMB = options.RamBufferMB,
        };
        try
        {
            return new IndexWriter(directory, config);
        }
        catch (LockObtainFailedException e)
        {
            throw new IndexLockedException(Location ?? "(memory)", e);
        }
    }

    private UpsertOutcome Classify(string id, string fingerprint)
    {
        if (uncommitted.TryGetValue(id, out var pending))
        {
            return pending == fingerprint ? UpsertOutcome.Unchanged : UpsertOutcome.Updated;
        }
        return WithSearcher(searcher =>
        {
            var reader = searcher.IndexReader;
            if (reader.NumDocs == 0 || !FindLive(reader, NewsFields.Id, id))
            {
                return UpsertOutcome.Added;
            }
            return FindLive(reader, NewsFields.Fingerprint, ArticleDocument.FingerprintTerm(id, fingerprint))
                ? UpsertOutcome.Unchanged
                : UpsertOutcome.Updated;
        });
    }

    /// <summary>Whether a live (not deleted) document has this term.</summary>
    private static bool FindLive(IndexReader reader, string field, string text)
    {
        var term = new BytesRef(text);
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(field);
            var termsEnum = terms?.GetEnumerator();
            if (termsEnum is null || !termsEnum.SeekExact(term))
            {
                continue;
            }
            var docs = termsEnum.Docs(leaf.AtomicReader.LiveDocs, null, DocsFlags.NONE);
            if (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                return true;
            }
        }
        return false;
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> action)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var searcher = searchers.Acquire();
        try
        {
            return action(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private sealed class NewsSearcherFactory(Similarity similarity) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = similarity };
    }
}
