using Lucene.Net.Documents;
using NewsSearch.Extraction;

namespace NewsSearch.Indexing;

/// <summary>
/// What is written for one article: the Lucene documents that stand for it, written together (as one block) in
/// place of whatever its id had before.
/// </summary>
/// <param name="Id">The article's id; every document of an older version carries it and is replaced.</param>
/// <param name="Documents">The article's documents: its quotations' first, the article's last.</param>
internal sealed record PreparedArticle(string Id, IReadOnlyList<Document> Documents);

/// <summary>
/// The per-article step of indexing: article in, documents out (the article and one document per quotation).
/// Extraction runs here and nowhere else, so replacing or extending it is a change to this one method.
/// It is pure and thread-safe: the indexing pipeline calls it from several threads at once.
/// </summary>
internal static class ArticlePreparation
{
    /// <param name="article">The article, its wire dateline already resolved.</param>
    /// <param name="fingerprint">Its content fingerprint (<see cref="ArticleDocument.Fingerprint"/>), stored so a re-run can skip it.</param>
    /// <param name="options">The index settings (whether to extract quotations and speakers).</param>
    public static PreparedArticle Prepare(Article article, string fingerprint, NewsIndexOptions options)
    {
        var extraction = options.ExtractSpeakers ? ArticleExtractor.Extract(article) : ArticleExtraction.Empty;
        var documents = new List<Document>(extraction.Quotations.Count + 1);
        foreach (var quotation in extraction.Quotations)
        {
            documents.Add(ArticleDocument.BuildQuotation(article, quotation));
        }

        // The article last, after its quotations: the order Lucene's block joins expect, should they be used.
        documents.Add(ArticleDocument.Build(article, extraction.Speakers, fingerprint));
        return new PreparedArticle(article.Id, documents);
    }
}
