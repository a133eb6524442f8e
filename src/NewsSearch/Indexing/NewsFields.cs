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

    /// <summary>Canonical speaker names, one value each, analysed as names; stored.</summary>
    public const string Speaker = "speaker";

    /// <summary>Sorted-set doc values of the canonical speaker names, for counts.</summary>
    public const string SpeakerFacet = "speaker_facet";

    /// <summary>Headline: English analysis, stored.</summary>
    public const string Title = "title";

    /// <summary>Body text: English analysis with positions (phrases), stored for snippets and display.</summary>
    public const string Body = "body";

    /// <summary>Where the article came from (file, archive member): stored and untokenized, so a source's articles can be found again.</summary>
    public const string Source = "source";

    /// <summary>
    /// Untokenized "id + content fingerprint": a re-run finds an article unchanged with one term lookup, without
    /// reading stored fields.
    /// </summary>
    public const string Fingerprint = "fingerprint";

    /// <summary>
    /// The body's first words (the analyzer keeps <see cref="Analysis.NewsAnalyzer.LeadPositions"/> positions): where
    /// a news article states what it is about. The default ranking boosts query words found here. Indexed, not stored.
    /// </summary>
    public const string Lead = "lead";

    /// <summary>The field a query word without a field name searches.</summary>
    public const string DefaultField = Body;

    /// <summary>Fields a user may name in a query (<c>field:value</c>).</summary>
    public static readonly IReadOnlySet<string> Queryable = new HashSet<string>(StringComparer.Ordinal)
    {
        Id, Date, Dateline, Speaker, Title, Body,
    };
}
