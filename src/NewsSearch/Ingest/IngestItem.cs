namespace NewsSearch;

/// <summary>
/// One thing read from an input: an article ready to index, or a problem that rejects part of the input. Exactly
/// one of <see cref="Article"/> and <see cref="Problem"/> is set.
/// </summary>
/// <param name="Article">The article read, or <c>null</c> when this item is a problem.</param>
/// <param name="Problem">What was rejected and why, or <c>null</c> when this item is an article.</param>
public readonly record struct IngestItem(Article? Article, IngestProblem? Problem)
{
    internal static IngestItem Of(Article article) => new(article, null);

    internal static IngestItem Rejected(string source, int? line, string reason) => new(null, new IngestProblem(source, line, reason));
}
