using Lucene.Net.Util;

namespace NewsSearch;

/// <summary>Lucene settings that every part of the engine must agree on.</summary>
internal static class LuceneSettings
{
    /// <summary>
    /// The one Lucene compatibility version. Analysis behaviour and the index format depend on it, so indexing and
    /// querying must read it from here rather than repeat the literal.
    /// </summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
}
