namespace NewsSearch;

/// <summary>What extraction finds in one article: who speaks in it and what they are quoted as saying.</summary>
/// <param name="Speakers">
/// Canonical names of the people with at least one attributed quotation or reported statement ("X said that ..."),
/// in order of first appearance. Unnamed sources ("police", "Western strategists") are never speakers.
/// </param>
/// <param name="Quotations">Every quotation, in text order, attributed or not.</param>
public sealed record ArticleExtraction(IReadOnlyList<string> Speakers, IReadOnlyList<Quotation> Quotations)
{
    /// <summary>Nothing found (or extraction switched off).</summary>
    public static ArticleExtraction Empty { get; } = new([], []);
}

/// <summary>A quotation: its exact text, where it is in the body, and who said it.</summary>
/// <param name="Text">The quoted text exactly as in the body, without the outer quotation marks (for a quotation over several paragraphs, the paragraph breaks and the marks that reopen it are kept).</param>
/// <param name="Start">Offset of the first character of <paramref name="Text"/> in the article body as ingested.</param>
/// <param name="End">Offset just past its last character: <c>body[Start..End] == Text</c>.</param>
/// <param name="Speaker">The canonical name of the person who said it, or <c>null</c> when it is unattributed or its source is not a named person.</param>
/// <param name="Source">The mention the attribution rests on, as written ("he", "the minister", "Qin", "police"), or <c>null</c> when there is none.</param>
public sealed record Quotation(string Text, int Start, int End, string? Speaker, SourceMention? Source);

/// <summary>A source as written in the body.</summary>
/// <param name="Text">The words as written.</param>
/// <param name="Start">Offset of its first character in the body.</param>
/// <param name="End">Offset just past its last character.</param>
public sealed record SourceMention(string Text, int Start, int End);
