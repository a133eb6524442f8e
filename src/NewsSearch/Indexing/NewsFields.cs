namespace NewsSearch.Indexing;

/// <summary>
/// The index schema: every Lucene field name the engine writes or reads. A field that users can name in a query
/// is listed in <see cref="Queryable"/>.
/// </summary>
internal static class NewsFields
{
    /// <summary>Article id: untokenized, stored; updates and deletes find the old copy by this term.</summary>
    public const string Id = "id";

    /// <summary>
    /// Publication day as the integer yyyyMMdd: a trie-encoded <c>Int32Field</c> for range filters, numeric doc
    /// values of the same name for sorting, and the stored value. An integer day sidesteps the time-zone shift
    /// that <c>DateTools</c> applies to <c>DateTime</c> values.
    /// </summary>
    public const string Date = "date";

    /// <summary>The dateline as written, analysed as words (<c>dateline:delhi</c>); stored.</summary>
    public const string Dateline = "dateline";

    /// <summary>The dateline's normalised key (<see cref="Analysis.Dateline.Key"/>), untokenized, for exact filters.</summary>
    public const string DatelineKey = "dateline_key";

    /// <summary>Sorted doc values holding the dateline's display form, for counts.</summary>
    public const string DatelineFacet = "dateline_facet";

    /// <summary>
    /// What a result line shows besides the date and dateline (id, title, speakers in order of appearance), as
    /// binary doc values (<see cref="Indexing.HitSummary"/>): a page of hits reads it without decompressing stored
    /// fields, which cost more than the search itself.
    /// </summary>
    public const string HitSummary = "hit_summary";

    /// <summary>Canonical speaker names, one value each, analysed as names; stored.</summary>
    public const string Speaker = "speaker";

    /// <summary>Sorted-set doc values of the canonical speaker names, for counts.</summary>
    public const string SpeakerFacet = "speaker_facet";

    /// <summary>Headline: English analysis, stored.</summary>
    public const string Title = "title";

    /// <summary>
    /// Body text: English analysis with positions (phrases), stored for snippets and display. The headline is indexed
    /// here as well (not stored), as a value of its own before the text, so plain word searches find it.
    /// </summary>
    public const string Body = "body";

    /// <summary>Where the article came from (file, archive member): stored and untokenized, so a source's articles can be found again.</summary>
    public const string Source = "source";

    /// <summary>
    /// The article's content fingerprint, as binary doc values: a re-run finds the article's document by its id and
    /// compares, without reading stored fields. (Until schema 7 an untokenized "id + fingerprint" term: a term unique
    /// to every article, which made flushing and merging a 200,000-article index about 2.7 s slower.)
    /// </summary>
    public const string Fingerprint = "fingerprint";

    /// <summary>
    /// Marks a quotation's document (value <see cref="QuotationKind"/>). Quotations are indexed as documents of
    /// their own, in one block with their article and under its <see cref="Id"/>, so replacing or deleting the
    /// article replaces or deletes them with it; article searches leave them out (Querying/DocumentKinds).
    /// </summary>
    public const string Kind = "kind";

    /// <summary>The value of <see cref="Kind"/> on quotation documents; articles have no <see cref="Kind"/>.</summary>
    public const string QuotationKind = "quote";

    /// <summary>A quotation's text: English analysis like the body, stored; the default field of quotation searches.</summary>
    public const string Quote = "quote";

    /// <summary>Where the quotation is in its article's body (stored offsets, start and end).</summary>
    public const string QuoteStart = "quote_start";

    /// <summary>See <see cref="QuoteStart"/>.</summary>
    public const string QuoteEnd = "quote_end";

    /// <summary>The source mention as written ("he", "the minister"), stored, when the quotation has one.</summary>
    public const string QuoteSource = "quote_source";

    /// <summary>Where the source mention is in the body (stored offsets, start and end).</summary>
    public const string QuoteSourceStart = "quote_source_start";

    /// <summary>See <see cref="QuoteSourceStart"/>.</summary>
    public const string QuoteSourceEnd = "quote_source_end";

    /// <summary>The field a query word without a field name searches: the text, with the headline indexed in it too.</summary>
    public const string DefaultField = Body;

    /// <summary>Fields a user may name in a query (<c>field:value</c>).</summary>
    public static readonly IReadOnlySet<string> Queryable = new HashSet<string>(StringComparer.Ordinal)
    {
        Id, Date, Dateline, Speaker, Title, Body,
    };

    /// <summary>Fields a user may name in a quotation query; a word without a field name searches <see cref="Quote"/>.</summary>
    public static readonly IReadOnlySet<string> QuoteQueryable = new HashSet<string>(StringComparer.Ordinal)
    {
        Quote, Date, Dateline, Speaker,
    };
}
