namespace NewsSearch;

/// <summary>
/// One news article as it goes into the index: an id, the calendar day it was published, the place line
/// (dateline), an optional title and the body text. Immutable.
/// </summary>
public sealed record Article
{
    /// <summary>Creates an article, checking the fields every article must have.</summary>
    /// <param name="id">Stable identifier; indexing an article with an id already present replaces it.</param>
    /// <param name="date">Publication day as written in the source, or <c>null</c> when the source has none.</param>
    /// <param name="dateline">The place line ("New Delhi", "DES MOINES, Iowa"); may be empty for sources without one.</param>
    /// <param name="body">The text, paragraphs separated by a blank line.</param>
    /// <exception cref="ArgumentException">The id or the body is empty.</exception>
    public Article(string id, DateOnly? date, string dateline, string body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(dateline);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        Id = id;
        Date = date;
        Dateline = dateline.Trim();
        Body = body;
    }

    /// <summary>Stable identifier, unique in an index.</summary>
    public string Id { get; }

    /// <summary>Publication day as written in the source (no time-zone shifting), or <c>null</c> when unknown.</summary>
    public DateOnly? Date { get; }

    /// <summary>The place line as written; empty when the source has none.</summary>
    public string Dateline { get; }

    /// <summary>The article text; paragraphs are separated by one blank line.</summary>
    public string Body { get; }

    /// <summary>The headline, when the source has one. Default: <c>null</c>.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// Where the article came from (a file path, an archive member), so that a later run can tell which articles
    /// belong to which input. Default: <c>null</c>.
    /// </summary>
    public string? Source { get; init; }
}

/// <summary>An article as stored in the index, with what extraction found in it.</summary>
/// <param name="Article">The article as it was indexed.</param>
/// <param name="Speakers">Canonical names of the people quoted or reported as speaking in it, in order of first appearance.</param>
public sealed record IndexedArticle(Article Article, IReadOnlyList<string> Speakers);
