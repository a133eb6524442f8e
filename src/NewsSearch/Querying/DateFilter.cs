using System.Globalization;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsSearch.Indexing;

namespace NewsSearch.Querying;

/// <summary>
/// Documents published from one day to another, inclusive (day numbers, <see cref="ArticleDocument.DayNumber"/>);
/// undated documents never match. Answered from each segment's <see cref="DateColumn"/> rather than from the indexed
/// date terms: a numeric range over the terms looks up a dozen trie terms and decodes their postings for every
/// query, which made a date filter cost more than the search it filtered (Reuters, term queries: p50 107 µs
/// alone, 227 µs with a date range).
/// </summary>
internal sealed class DateFilter(int? firstDay, int? lastDay) : Filter
{
    /// <summary>
    /// A range holding more than this share of a segment's documents is answered by looking each candidate's day up
    /// (nothing to build); a narrower one by a bit set of its documents, which lets Lucene leapfrog over them.
    /// </summary>
    private const int DenseShare = 16;

    private readonly int first = firstDay ?? int.MinValue + 1;
    private readonly int last = lastDay ?? int.MaxValue;

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        var column = DateColumn.For(reader);
        var (start, end) = column.Between(first, last);
        if (start == end)
        {
            return null;
        }
        if (IsDense(end - start, reader.MaxDoc))
        {
            return new DenseDays(column, first, last, acceptDocs, reader.MaxDoc);
        }
        var bits = new FixedBitSet(reader.MaxDoc);
        column.Fill(start, end, bits, acceptDocs);
        return bits;
    }

    /// <summary>
    /// Whether the range holds a large share of every segment of <paramref name="searcher"/>'s index, so that it is
    /// checked per candidate (as deleted documents are) rather than leapfrogged over.
    /// </summary>
    public bool IsWide(IndexSearcher searcher) => searcher.IndexReader.Leaves.All(leaf =>
        DateColumn.For(leaf.AtomicReader).Between(first, last) is var (start, end) && IsDense(end - start, leaf.AtomicReader.MaxDoc));

    public override string ToString() =>
        $"date:[{firstDay?.ToString(CultureInfo.InvariantCulture) ?? "*"} TO {lastDay?.ToString(CultureInfo.InvariantCulture) ?? "*"}]";

    private static bool IsDense(int documents, int maxDoc) => (long)documents * DenseShare > maxDoc;

    /// <summary>A wide range: random access by day, and an iterator that walks the days in document order.</summary>
    private sealed class DenseDays(DateColumn column, int first, int last, IBits? acceptDocs, int maxDoc) : DocIdSet, IBits
    {
        public override IBits Bits => this;

        public override bool IsCacheable => true;

        public int Length => maxDoc;

        public bool Get(int index) => column.Within(index, first, last) && (acceptDocs is null || acceptDocs.Get(index));

        public override DocIdSetIterator GetIterator() => new Walk(this, maxDoc);

        private sealed class Walk(DenseDays days, int maxDoc) : DocIdSetIterator
        {
            private int doc = -1;

            public override int DocID => doc;

            public override int NextDoc() => Advance(doc + 1);

            public override int Advance(int target)
            {
                for (var candidate = target; candidate < maxDoc; candidate++)
                {
                    if (days.Get(candidate))
                    {
                        return doc = candidate;
                    }
                }
                return doc = NO_MORE_DOCS;
            }

            public override long GetCost() => maxDoc;
        }
    }
}

/// <summary>
/// One segment's publication days, read once from the date doc values and kept while the segment lives: each
/// document's day, and the documents ordered by day, so that the documents of any range of days are one slice.
/// 8 bytes a document. Filters and date order read it rather than the doc values: Lucene.NET reads memory-mapped
/// doc values a byte at a time through a shared handle, which two query threads contend for.
/// </summary>
internal sealed class DateColumn
{
    private const int Undated = int.MinValue;

    // Keyed by the segment's core, which its readers share across reopens and deletions.
    private static readonly ConditionalWeakTable<object, DateColumn> PerCore = [];

    private readonly int[] days;
    private readonly int[] byDay;

    private DateColumn(int[] days, int[] byDay)
    {
        this.days = days;
        this.byDay = byDay;
    }

    /// <summary>The segment's column.</summary>
    public static DateColumn For(AtomicReader reader) => PerCore.GetValue(reader.CoreCacheKey, _ => Read(reader));

    private static DateColumn Read(AtomicReader reader)
    {
        Func<int, long> day;
        IBits? dated;
        if (reader.GetNumericDocValues(NewsFields.Date) is { } values)
        {
            day = values.Get;
            dated = reader.GetDocsWithField(NewsFields.Date);
        }
        else
        {
            // A segment without date doc values (written before they existed, or with no dated document): the indexed
            // date terms, uninverted.
            var uninverted = FieldCache.DEFAULT.GetInt32s(reader, NewsFields.Date, FieldCache.NUMERIC_UTILS_INT32_PARSER, true);
            day = doc => uninverted.Get(doc);
            dated = FieldCache.DEFAULT.GetDocsWithField(reader, NewsFields.Date);
        }
        var days = new int[reader.MaxDoc];
        var datedCount = 0;
        for (var doc = 0; doc < days.Length; doc++)
        {
            days[doc] = dated is null || dated.Get(doc) ? (int)day(doc) : Undated;
            datedCount += days[doc] == Undated ? 0 : 1;
        }
        var byDay = new int[datedCount];
        var keys = new int[datedCount];
        for (int doc = 0, i = 0; doc < days.Length; doc++)
        {
            if (days[doc] != Undated)
            {
                byDay[i] = doc;
                keys[i++] = days[doc];
            }
        }
        Array.Sort(keys, byDay);
        return new DateColumn(days, byDay);
    }

    /// <summary>The document's day number; <c>null</c> when it is undated.</summary>
    public int? Day(int doc) => days[doc] == Undated ? null : days[doc];

    /// <summary>Whether the document was published from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public bool Within(int doc, int first, int last)
    {
        var day = days[doc];
        return day != Undated && day >= first && day <= last;
    }

    /// <summary>The slice of the documents ordered by day that holds those of the range.</summary>
    public (int Start, int End) Between(int first, int last) =>
        first > last ? (0, 0) : (FirstOnOrAfter(first), last == int.MaxValue ? byDay.Length : FirstOnOrAfter(last + 1));

    /// <summary>Sets the slice's documents that <paramref name="acceptDocs"/> accepts.</summary>
    public void Fill(int start, int end, FixedBitSet bits, IBits? acceptDocs)
    {
        for (var i = start; i < end; i++)
        {
            var doc = byDay[i];
            if (acceptDocs is null || acceptDocs.Get(doc))
            {
                bits.Set(doc);
            }
        }
    }

    private int FirstOnOrAfter(int day)
    {
        int low = 0, high = byDay.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (days[byDay[middle]] < day)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
