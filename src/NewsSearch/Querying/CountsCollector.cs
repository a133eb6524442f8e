using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsSearch.Indexing;

namespace NewsSearch.Querying;

/// <summary>
/// Counts the matching articles by dateline, by speaker and by day in one pass over the matches, from doc values
/// (no stored field is read). Counting is per segment by ordinal, and ordinals become strings once per segment.
/// </summary>
internal sealed class CountsCollector : ICollector
{
    private readonly Dictionary<string, int> datelines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> speakers = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> days = [];

    private SortedDocValues? datelineValues;
    private SortedSetDocValues? speakerValues;
    private NumericDocValues? dateValues;
    private IBits? hasDate;
    private int[] datelineCounts = [];
    private int[] speakerCounts = [];

    public int Total { get; private set; }

    public IReadOnlyDictionary<string, int> Datelines => datelines;

    public IReadOnlyDictionary<string, int> Speakers => speakers;

    /// <summary>Matching articles per publication day (yyyyMMdd); undated articles are not counted here.</summary>
    public IReadOnlyDictionary<int, int> Days => days;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        datelineValues = reader.GetSortedDocValues(NewsFields.DatelineFacet);
        speakerValues = reader.GetSortedSetDocValues(NewsFields.SpeakerFacet);
        dateValues = reader.GetNumericDocValues(NewsFields.Date);
        hasDate = reader.GetDocsWithField(NewsFields.Date);
        datelineCounts = datelineValues is null ? [] : new int[datelineValues.ValueCount];
        speakerCounts = speakerValues is null ? [] : new int[checked((int)speakerValues.ValueCount)];
    }

    public void Collect(int doc)
    {
        Total++;
        if (datelineValues is not null)
        {
            var ord = datelineValues.GetOrd(doc);
            if (ord >= 0)
            {
                datelineCounts[ord]++;
            }
        }
        if (speakerValues is not null)
        {
            speakerValues.SetDocument(doc);
            long ord;
            while ((ord = speakerValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                speakerCounts[ord]++;
            }
        }
        if (dateValues is not null && hasDate is not null && hasDate.Get(doc))
        {
            var day = (int)dateValues.Get(doc);
            days[day] = days.GetValueOrDefault(day) + 1;
        }
    }

    /// <summary>Turns the last segment's ordinal counts into strings; call once after searching.</summary>
    public CountsCollector Complete()
    {
        Flush();
        return this;
    }

    private void Flush()
    {
        var scratch = new BytesRef();
        for (var ord = 0; ord < datelineCounts.Length; ord++)
        {
            if (datelineCounts[ord] > 0)
            {
                datelineValues!.LookupOrd(ord, scratch);
                var key = scratch.Utf8ToString();
                datelines[key] = datelines.GetValueOrDefault(key) + datelineCounts[ord];
            }
        }
        for (var ord = 0; ord < speakerCounts.Length; ord++)
        {
            if (speakerCounts[ord] > 0)
            {
                speakerValues!.LookupOrd(ord, scratch);
                var key = scratch.Utf8ToString();
                speakers[key] = speakers.GetValueOrDefault(key) + speakerCounts[ord];
            }
        }
        datelineCounts = [];
        speakerCounts = [];
    }

    /// <summary>
    /// Counts every article matching <paramref name="request"/> (its query and filters; order and page are ignored)
    /// by speaker, dateline and period.
    /// </summary>
    public static SearchCounts Count(IndexSearcher searcher, Analyzer analyzer, SearchRequest request, int top)
    {
        SearchExecutor.Validate(request);
        var clock = Stopwatch.StartNew();
        // The same query and filters as the search itself, so counts and results always describe the same articles.
        var (userQuery, filter) = SearchExecutor.Matching(request, analyzer);
        var counts = new CountsCollector();
        searcher.Search(userQuery ?? new MatchAllDocsQuery(), filter, counts);
        counts.Complete();

        var days = counts.Days.ToDictionary(kv => ArticleDocument.FromDayNumber(kv.Key), kv => kv.Value);
        var (unit, periods) = Timeline.Bucket(days);
        return new SearchCounts(
            counts.Total,
            counts.Total - counts.Days.Values.Sum(),
            days.Count == 0 ? null : days.Keys.Min(),
            days.Count == 0 ? null : days.Keys.Max(),
            Top(counts.Speakers, top),
            Top(counts.Datelines, top),
            unit,
            periods,
            clock.Elapsed);
    }

    /// <summary>The <paramref name="top"/> most frequent values, ties broken by value so output is stable.</summary>
    public static IReadOnlyList<ValueCount> Top(IReadOnlyDictionary<string, int> counts, int top) =>
        counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(top).Select(kv => new ValueCount(kv.Key, kv.Value)).ToList();
}
