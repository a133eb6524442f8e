namespace NewsSearch.Ingest;

/// <summary>One thing read from an input: an article ready to index, or a problem that rejects part of the input.</summary>
internal readonly record struct IngestRecord(Article? Article, IngestProblem? Problem)
{
    public static IngestRecord Of(Article article) => new(article, null);

    public static IngestRecord Rejected(string source, int? line, string reason) => new(null, new IngestProblem(source, line, reason));
}
