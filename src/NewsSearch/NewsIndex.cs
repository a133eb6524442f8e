using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using NewsSearch.Analysis;
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

    /// <summary>The options the index was opened with (its BM25 values go into exports for other engines).</summary>
    internal NewsIndexOptions Options => options;

    /// <summary>The shared analyzer, for the parts of the engine that parse queries outside <see cref="Search"/> (the export's selection).</summary>
    internal Analyzer Analyzer => analyzer;
    private readonly System.Threading.Lock writerGate = new();

    // Articles written since the last commit (id to fingerprint): the searcher cannot see them yet, but a second
    // copy of the same id in one batch must still count as updated or unchanged, not added.
    private readonly ConcurrentDictionary<string, string> uncommitted = new(StringComparer.Ordinal);

    // When the writer opened an empty index: the hashes of every id written since. An id whose hash is not here
    // cannot be in the index, so the check skips the term lookups in every segment that otherwise took a fifth of
    // a bulk run's worker time. Null when the writer found articles already there (they must be looked up).
    private WrittenIds? writtenSinceEmpty;
    private IndexWriter? writer;

    private const int IdStripes = 64;
    private readonly System.Threading.Lock[] idLocks = [.. Enumerable.Range(0, IdStripes).Select(_ => new System.Threading.Lock())];
    private bool disposed;

    private NewsIndex(LuceneDirectory directory, string? location, NewsIndexOptions options, bool create)
    {
        this.directory = directory;
        this.options = options;
        Location = location;
        analyzer = NewsAnalyzer.Create();
        similarity = new ArticleSimilarity(options.BM25K1, options.BM25B);
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
        using var fs = new MappedFileDirectory(path);
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
        return new NewsIndex(new MappedFileDirectory(path), path, options ?? NewsIndexOptions.Default, create: false);
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
        return new NewsIndex(new MappedFileDirectory(path), path, options ?? NewsIndexOptions.Default, create: !exists);
    }

    /// <summary>Creates an empty index in memory, for tests and short-lived use.</summary>
    public static NewsIndex CreateInMemory(NewsIndexOptions? options = null) =>
        new(new RAMDirectory(), null, options ?? NewsIndexOptions.Default, create: true);

    /// <summary>Number of articles in the last commit.</summary>
    public int Count => WithSearcher(DocumentKinds.CountArticles);

    /// <summary>
    /// Adds the article, or replaces the article with the same id, with its quotations and speakers (extracted
    /// here). The article and its quotations are written as one block: they appear, change and go together. The
    /// change is visible to searches after <see cref="Commit"/>. Safe to call from several threads at once; when
    /// two threads write the same id at the same time, either may win, so keep one id on one thread.
    /// </summary>
    /// <exception cref="IndexLockedException">Another process is writing to the index.</exception>
    public UpsertOutcome Upsert(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Upsert(article, clock: null);
    }

    /// <summary>Checks, prepares and writes one article, timing each step on <paramref name="clock"/> when given.</summary>
    internal UpsertOutcome Upsert(Article article, StageClock? clock)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        // One id is checked and written by one thread at a time, so an id the check proves new can be added without
        // the delete-by-id an update costs (a fifth of the writing time), and two threads writing the same id can
        // never both add it. The indexing pipeline gives each worker the ids of its own stripes: no contention.
        lock (idLocks[IdStripe(article.Id)])
        {
            var time = StageClock.Now;
            var fingerprint = ArticleDocument.Fingerprint(article, options.ExtractSpeakers);
            var (outcome, neverWritten) = Classify(article.Id, fingerprint);
            clock?.Lap(Stage.Check, ref time);
            if (outcome == UpsertOutcome.Unchanged)
            {
                return outcome;
            }

            var prepared = ArticlePreparation.Prepare(article, fingerprint, options);
            clock?.Lap(Stage.Prepare, ref time);

            var target = Writer;
            // Recorded before the write (and after the writer opened, which starts the record), so that a check never
            // misses an id that may already be written.
            Volatile.Read(ref writtenSinceEmpty)?.Add(prepared.Id);
            // One block, so an article and any documents that belong to it become visible (or not) together.
            if (neverWritten)
            {
                target.AddDocuments(prepared.Documents);
            }
            else
            {
                target.UpdateDocuments(new Term(NewsFields.Id, prepared.Id), prepared.Documents);
            }
            // Recorded after the write: Commit relies on an entry meaning "written before this point".
            uncommitted[article.Id] = fingerprint;
            clock?.Lap(Stage.Write, ref time);
            return outcome;
        }
    }

    /// <summary>The lock stripe of an id; the indexing pipeline deals ids to its workers by the same hash.</summary>
    internal static int IdStripe(string id) => StringComparer.Ordinal.GetHashCode(id) & (IdStripes - 1);

    /// <summary>Deletes the article with this id; <c>false</c> when there is none. Visible after <see cref="Commit"/>.</summary>
    public bool Delete(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        ObjectDisposedException.ThrowIf(disposed, this);
        lock (idLocks[IdStripe(id)])
        {
            var existed = uncommitted.TryRemove(id, out _) | WithSearcher(searcher => FindLive(searcher.IndexReader, NewsFields.Id, id));
            if (existed)
            {
                Writer.DeleteDocuments(new Term(NewsFields.Id, id));
            }
            return existed;
        }
    }

    /// <summary>
    /// Makes every change durable and visible to searches. Cheap when nothing changed. Other threads may go on
    /// writing meanwhile: what they write after the commit starts goes into the next one.
    /// </summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        IndexWriter? current;
        lock (writerGate)
        {
            current = writer;
        }
        if (current is null)
        {
            return;
        }
        // Whatever is recorded now was written before the commit starts, so it is in the commit and the refreshed
        // searcher finds it; later entries must stay until the next commit.
        var written = uncommitted.ToArray();
        current.Commit();
        searchers.MaybeRefreshBlocking();
        foreach (var entry in written)
        {
            uncommitted.TryRemove(entry);
        }
    }

    /// <summary>Runs of at least this many written articles may end with a merge (see <see cref="MergeAfterBulkWrite"/>).</summary>
    internal const int BulkArticles = 10_000;

    /// <summary>
    /// After a run that wrote at least <see cref="BulkArticles"/> articles and at least half of the index, merges the
    /// index into one segment, or two for a large index (<see cref="FinalMergePolicy.SegmentsFor"/>), and commits.
    /// A query pays per segment (term lookups, postings, input clones): on 200,000 Reuters articles in the 12
    /// segments a bulk run leaves, that was half of a query's time (p50 376 µs in 12 segments, 190 µs in one). A
    /// small update to a large index does not rewrite it: its few new segments are left to the merge policy.
    /// </summary>
    /// <returns>Whether it merged.</returns>
    internal bool MergeAfterBulkWrite(int writtenArticles)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var articles = Count;
        if (writtenArticles < BulkArticles || writtenArticles * 2L < articles)
        {
            return false;
        }
        Writer.ForceMerge(FinalMergePolicy.SegmentsFor(articles));
        Commit();
        return true;
    }

    /// <summary>
    /// Indexes files, folders and archives with the default <see cref="IngestOptions"/>, then commits: see
    /// <see cref="IndexPaths(IEnumerable{string}, IngestOptions, IProgress{IngestProgress}?, CancellationToken)"/>.
    /// </summary>
    /// <param name="paths">Files, folders, archives, or <c>-</c>. Hidden files and the index's own folder are skipped.</param>
    /// <param name="progress">Told a few times a second, when given.</param>
    /// <param name="cancellation">Stops the run; what was written is committed (see <see cref="IndexReport.Interrupted"/>).</param>
    public IndexReport IndexPaths(IEnumerable<string> paths, IProgress<IngestProgress>? progress = null, CancellationToken cancellation = default) =>
        IndexPaths(paths, IngestOptions.Default, progress, cancellation);

    /// <summary>
    /// Indexes every article in <paramref name="paths"/> (files, folders, archives, <c>-</c> for standard input:
    /// see <see cref="ArticleSource"/>) on several threads, then commits. Bad input is reported in the result and
    /// skipped; it never stops the rest of the batch. Changes are committed every
    /// <see cref="IngestOptions.CommitEvery"/> articles and <see cref="IngestOptions.CommitInterval"/>, and when
    /// the run ends or is cancelled, so an interrupted run keeps what it wrote and the next run completes it.
    /// </summary>
    /// <param name="paths">Files, folders, archives, or <c>-</c>. Hidden files and the index's own folder are skipped.</param>
    /// <param name="options">Globs, pruning, threads, commit interval.</param>
    /// <param name="progress">Told a few times a second, when given.</param>
    /// <param name="cancellation">Stops the run between articles; what was written is committed.</param>
    /// <exception cref="NewsSearchException">An include or exclude glob is not supported.</exception>
    public IndexReport IndexPaths(IEnumerable<string> paths, IngestOptions options, IProgress<IngestProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(disposed, this);
        return IngestPipeline.Run(this, new ArticleSource(paths, options, Location), options, progress, cancellation);
    }

    /// <summary>The article with this id as of the last commit, or <c>null</c>.</summary>
    public IndexedArticle? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return WithSearcher(searcher =>
        {
            var top = searcher.Search(new TermQuery(new Term(NewsFields.Id, id)), DocumentKinds.Articles, 1);
            return top.TotalHits == 0 ? null : ArticleDocument.Read(searcher.Doc(top.ScoreDocs[0].Doc));
        });
    }

    /// <summary>
    /// Counts every article that matches <paramref name="request"/> (its query and filters; its order and page are
    /// ignored) by speaker, by dateline and by period: who is quoted, where and when, over all matches.
    /// </summary>
    /// <param name="request">The query and filters, as for <see cref="Search"/>.</param>
    /// <param name="top">How many speakers and datelines to list. Default: 10.</param>
    /// <exception cref="QuerySyntaxException">The query text cannot be understood.</exception>
    /// <exception cref="NewsSearchException">A filter is impossible (an empty date range, a speaker with no letters).</exception>
    public SearchCounts GetCounts(SearchRequest request, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        return WithSearcher(searcher => CountsCollector.Count(searcher, analyzer, request, top));
    }

    /// <summary>
    /// Where the words of <paramref name="query"/> match in <paramref name="text"/>, marked as snippets mark them
    /// (phrase-aware: in <c>"invisible hand"</c> a lone "hand" is not marked; neighbouring words one space apart are
    /// one span). For showing a whole article with its matches; empty when the query is blank.
    /// </summary>
    /// <exception cref="QuerySyntaxException">The query text cannot be understood.</exception>
    public IReadOnlyList<TextSpan> FindMatches(string? query, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }
        var spans = new SnippetBuilder(analyzer, NewsQueryParser.Parse(query, analyzer), NewsFields.Body).FindMatches(text);

        // Words one space apart read better marked together, as in snippets: "**invisible hand**".
        var merged = new List<TextSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0 && merged[^1].End + 1 == span.Start && text[span.Start - 1] == ' ')
            {
                merged[^1] = new TextSpan(merged[^1].Start, span.End - merged[^1].Start);
                continue;
            }
            merged.Add(span);
        }
        return merged;
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

    /// <summary>
    /// Number of articles, the date span, the most frequent datelines and speakers (by articles), and the number
    /// of quotations with the most quoted speakers (by quotations).
    /// </summary>
    /// <param name="top">How many datelines and speakers to list. Default: 10.</param>
    public IndexStatistics GetStatistics(int top = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        return WithSearcher(searcher =>
        {
            var counts = new CountsCollector();
            searcher.Search(new MatchAllDocsQuery(), DocumentKinds.Articles, counts);
            counts.Complete();
            var quotations = new CountsCollector();
            searcher.Search(new MatchAllDocsQuery(), DocumentKinds.Quotations, quotations);
            quotations.Complete();
            DateOnly? first = counts.Days.Count == 0 ? null : ArticleDocument.FromDayNumber(counts.Days.Keys.Min());
            DateOnly? last = counts.Days.Count == 0 ? null : ArticleDocument.FromDayNumber(counts.Days.Keys.Max());
            return new IndexStatistics(counts.Total, first, last, CountsCollector.Top(counts.Datelines, top), CountsCollector.Top(counts.Speakers, top))
            {
                Quotations = quotations.Total,
                QuotationsBySpeaker = CountsCollector.Top(quotations.Speakers, top),
            };
        });
    }

    /// <summary>Searches the quotations of the last commit: what was said, by whom, where and when.</summary>
    /// <exception cref="QuerySyntaxException">The query text cannot be understood.</exception>
    /// <exception cref="NewsSearchException">A filter is impossible (an empty date range, a speaker with no letters).</exception>
    public QuoteResults SearchQuotes(QuoteSearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WithSearcher(searcher => QuoteSearchExecutor.Execute(searcher, analyzer, request));
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
            Codec = StoredTextCodec.Instance,
            RAMBufferSizeMB = options.RamBufferMB,
            // Flushed segments as separate files rather than packed into one compound file: packing copies every
            // segment once more, and a bulk run merges them all at its end anyway. The merge policy still packs
            // small merged segments, so an index of many small updates keeps few open files.
            UseCompoundFile = false,
            MergePolicy = new FinalMergePolicy(),
            MergeScheduler = FinalMergePolicy.Scheduler(),
        };
        try
        {
            var opened = new IndexWriter(directory, config);
            // The writer holds the index's lock from here on, so no one else adds articles behind the record's back.
            Volatile.Write(ref writtenSinceEmpty, opened.MaxDoc == 0 ? new WrittenIds() : null);
            return opened;
        }
        catch (LockObtainFailedException e)
        {
            throw new IndexLockedException(Location ?? "(memory)", e);
        }
    }

    /// <summary>Whether the article is new, changed or unchanged, and whether its id was provably never written.</summary>
    private (UpsertOutcome Outcome, bool NeverWritten) Classify(string id, string fingerprint)
    {
        if (Volatile.Read(ref writtenSinceEmpty) is { } written && !written.MayContain(id))
        {
            return (UpsertOutcome.Added, true);
        }
        if (uncommitted.TryGetValue(id, out var pending))
        {
            return (pending == fingerprint ? UpsertOutcome.Unchanged : UpsertOutcome.Updated, false);
        }
        return (WithSearcher(searcher => FindCommitted(searcher.IndexReader, id, fingerprint)), false);
    }

    /// <summary>
    /// Added when no live document has the id; unchanged when one of them (the article's, not its quotations') holds
    /// this fingerprint; updated otherwise.
    /// </summary>
    private static UpsertOutcome FindCommitted(IndexReader reader, string id, string fingerprint)
    {
        if (reader.NumDocs == 0)
        {
            return UpsertOutcome.Added;
        }
        var term = new BytesRef(id);
        var expected = ArticleDocument.FingerprintValue(fingerprint);
        var held = new BytesRef();
        var found = false;
        foreach (var leaf in reader.Leaves)
        {
            var termsEnum = leaf.AtomicReader.GetTerms(NewsFields.Id)?.GetEnumerator();
            if (termsEnum is null || !termsEnum.SeekExact(term))
            {
                continue;
            }
            var docs = termsEnum.Docs(leaf.AtomicReader.LiveDocs, null, DocsFlags.NONE);
            var first = docs.NextDoc();
            if (first == DocIdSetIterator.NO_MORE_DOCS)
            {
                continue;
            }
            found = true;
            // None in a segment written before schema 7: its articles read as updated and are written again.
            if (leaf.AtomicReader.GetBinaryDocValues(NewsFields.Fingerprint) is not { } fingerprints)
            {
                continue;
            }
            for (var doc = first; doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                fingerprints.Get(doc, held);
                if (held.BytesEquals(expected))
                {
                    return UpsertOutcome.Unchanged;
                }
            }
        }
        return found ? UpsertOutcome.Updated : UpsertOutcome.Added;
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

    /// <summary>Runs <paramref name="action"/> on the searcher of the last commit, acquired and released around it.</summary>
    internal T WithSearcher<T>(Func<IndexSearcher, T> action)
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
