using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using NewsSearch.Analysis;
using NewsSearch.Extraction;

namespace NewsSearch.Indexing;

/// <summary>Converts between <see cref="Article"/>s and Lucene documents: the only place that knows the field layout.</summary>
internal static class ArticleDocument
{
    /// <summary>
    /// Part of every fingerprint: raise it when analysis or extraction changes what an article's document holds,
    /// so the next run re-indexes articles whose text did not change.
    /// </summary>
    private const string SchemaVersion = "8";

    /// <summary>
    /// The untokenized and numeric fields of the documents this thread is building, reused from one article to the
    /// next as Lucene advises for indexing speed. A new such field builds a new token stream on first use, and
    /// Lucene.NET creates its attributes behind a process-wide lock: with a new field per value, the indexing
    /// threads spent a fifth of their time waiting on that lock. Reuse is safe because a thread builds an
    /// article's documents and writes them before it builds the next article's (<see cref="NewsIndex.Upsert(Article)"/>),
    /// and the documents of one block share these values (id, dateline, date).
    /// </summary>
    private sealed class Reused
    {
        [ThreadStatic]
        private static Reused? current;

        private readonly StringField id = new(NewsFields.Id, string.Empty, Field.Store.YES);
        private readonly StringField datelineKey = new(NewsFields.DatelineKey, string.Empty, Field.Store.NO);
        private readonly StringField source = new(NewsFields.Source, string.Empty, Field.Store.YES);
        private readonly StringField quotationKind = new(NewsFields.Kind, NewsFields.QuotationKind, Field.Store.NO);
        private readonly Int32Field date = new(NewsFields.Date, 0, Field.Store.YES);

        private static Reused Current => current ??= new Reused();

        public static StringField QuotationKind => Current.quotationKind;

        public static StringField Id(string value) => Set(Current.id, value);

        public static StringField Source(string value) => Set(Current.source, value);

        public static StringField DatelineKey(string place) => Set(Current.datelineKey, Dateline.Key(place));

        public static Int32Field Date(int day)
        {
            var field = Current.date;
            field.SetInt32Value(day);
            return field;
        }

        private static StringField Set(StringField field, string value)
        {
            field.SetStringValue(value);
            return field;
        }
    }

    public static Document BuildQuotation(Article article, Quotation quotation)
    {
        var document = new Document
        {
            Reused.Id(article.Id),
            Reused.QuotationKind,
            new TextField(NewsFields.Quote, quotation.Text, Field.Store.YES),
            new StoredField(NewsFields.QuoteStart, quotation.Start),
            new StoredField(NewsFields.QuoteEnd, quotation.End),
            new TextField(NewsFields.Dateline, article.Dateline, Field.Store.YES),
        };
        if (article.Dateline.Length > 0)
        {
            document.Add(Reused.DatelineKey(article.Dateline));
        }
        if (article.Date is { } date)
        {
            var day = DayNumber(date);
            document.Add(Reused.Date(day));
            document.Add(new NumericDocValuesField(NewsFields.Date, day));
        }
        if (quotation.Speaker is { } speaker)
        {
            document.Add(new TextField(NewsFields.Speaker, speaker, Field.Store.YES));
            document.Add(new SortedSetDocValuesField(NewsFields.SpeakerFacet, new BytesRef(speaker)));
        }
        if (quotation.Source is { } source)
        {
            document.Add(new StoredField(NewsFields.QuoteSource, source.Text));
            document.Add(new StoredField(NewsFields.QuoteSourceStart, source.Start));
            document.Add(new StoredField(NewsFields.QuoteSourceEnd, source.End));
        }
        return document;
    }

    /// <summary>A quotation as stored, with its article's id, day and dateline.</summary>
    public static StoredQuotation ReadQuotation(Document document)
    {
        var day = document.GetField(NewsFields.Date)?.GetInt32Value();
        SourceMention? source = null;
        if (document.Get(NewsFields.QuoteSource) is { } sourceText)
        {
            source = new SourceMention(sourceText, document.GetField(NewsFields.QuoteSourceStart)?.GetInt32Value() ?? 0,
                document.GetField(NewsFields.QuoteSourceEnd)?.GetInt32Value() ?? 0);
        }
        var quotation = new Quotation(document.Get(NewsFields.Quote), document.GetField(NewsFields.QuoteStart)?.GetInt32Value() ?? 0,
            document.GetField(NewsFields.QuoteEnd)?.GetInt32Value() ?? 0, document.Get(NewsFields.Speaker), source);
        return new StoredQuotation(document.Get(NewsFields.Id), day is { } d ? FromDayNumber(d) : null, document.Get(NewsFields.Dateline) ?? string.Empty, quotation);
    }

    public static Document Build(Article article, IReadOnlyList<string> speakers, string fingerprint)
    {
        var document = new Document
        {
            Reused.Id(article.Id),
            new BinaryDocValuesField(NewsFields.Fingerprint, FingerprintValue(fingerprint)),
        };

        // The text first, so its words hold the body's first positions: the default ranking finds the lead there
        // (NewsAnalyzer.LeadPositions) without indexing the opening a second time. Only the text is stored, for
        // snippets and show.
        document.Add(new TextField(NewsFields.Body, article.Body, Field.Store.YES));

        // A plain word search looks in the body field, so the headline is indexed there too (as a value of its own,
        // so no phrase spans headline and text): a reader searching "cocoa" means the story headlined "BAHIA COCOA
        // REVIEW" as well. A brief whose text is its headline is not counted twice.
        if (!string.IsNullOrWhiteSpace(article.Title) && !string.Equals(article.Title.Trim(), article.Body.Trim(), StringComparison.Ordinal))
        {
            document.Add(new TextField(NewsFields.Body, article.Title, Field.Store.NO));
        }

        if (article.Date is { } date)
        {
            var day = DayNumber(date);
            document.Add(Reused.Date(day));
            document.Add(new NumericDocValuesField(NewsFields.Date, day));
        }

        document.Add(new TextField(NewsFields.Dateline, article.Dateline, Field.Store.YES));
        if (article.Dateline.Length > 0)
        {
            document.Add(Reused.DatelineKey(article.Dateline));
            document.Add(new SortedDocValuesField(NewsFields.DatelineFacet, new BytesRef(Dateline.Display(article.Dateline))));
        }

        if (!string.IsNullOrWhiteSpace(article.Title))
        {
            document.Add(new TextField(NewsFields.Title, article.Title, Field.Store.YES));
        }

        if (article.Source is { } source)
        {
            document.Add(Reused.Source(source));
        }

        foreach (var speaker in speakers)
        {
            document.Add(new TextField(NewsFields.Speaker, speaker, Field.Store.YES));
            document.Add(new SortedSetDocValuesField(NewsFields.SpeakerFacet, new BytesRef(speaker)));
        }

        document.Add(new BinaryDocValuesField(NewsFields.HitSummary, HitSummary.Encode(article.Id, article.Title, speakers)));
        return document;
    }

    public static IndexedArticle Read(Document document)
    {
        var day = document.GetField(NewsFields.Date)?.GetInt32Value();
        var article = new Article(
            document.Get(NewsFields.Id),
            day is { } d ? FromDayNumber(d) : null,
            document.Get(NewsFields.Dateline) ?? string.Empty,
            document.Get(NewsFields.Body))
        {
            Title = document.Get(NewsFields.Title),
            Source = document.Get(NewsFields.Source),
        };
        return new IndexedArticle(article, document.GetValues(NewsFields.Speaker));
    }

    /// <summary>
    /// A hash of everything that goes into the article's documents, so an unchanged article can be skipped: its
    /// fields and whether quotations were extracted (an article indexed with <c>--no-extract</c> is extracted when a
    /// later run asks for it).
    /// </summary>
    public static string Fingerprint(Article article, bool extracted)
    {
        // A 128-bit non-cryptographic hash: it tells an edited article from an unchanged one, and no one gains by
        // forging a collision with their own article. Each part goes in with its length, so no two articles' parts
        // run together alike. SHA-256 over one joined copy of the text took 5 % of an indexing run's processor time.
        var hash = new XxHash128();
        Append(hash, SchemaVersion);
        Append(hash, extracted ? "x" : "-");
        Append(hash, article.Id);
        Append(hash, article.Date is { } date ? DayNumber(date).ToString(CultureInfo.InvariantCulture) : "");
        Append(hash, article.Dateline);
        Append(hash, article.Title);
        Append(hash, article.Source);
        Append(hash, article.Body);
        Span<byte> digest = stackalloc byte[16];
        hash.GetCurrentHash(digest);
        return Convert.ToHexString(digest);
    }

    private static void Append(XxHash128 hash, ReadOnlySpan<char> part)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, part.Length);
        hash.Append(length);
        hash.Append(MemoryMarshal.AsBytes(part));
    }

    /// <summary>The fingerprint as its article's doc value holds it: the hash's bytes, not their hex digits.</summary>
    public static BytesRef FingerprintValue(string fingerprint) => new(Convert.FromHexString(fingerprint));

    /// <summary>The day as the integer yyyyMMdd: ordered like the dates, readable in a debugger, independent of time zones.</summary>
    public static int DayNumber(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    public static DateOnly FromDayNumber(int day) => new(day / 10000, day / 100 % 100, day % 100);
}

/// <summary>A quotation read back from the index, with what it needs of its article.</summary>
internal sealed record StoredQuotation(string ArticleId, DateOnly? Date, string Dateline, Quotation Quotation);
