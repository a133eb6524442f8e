using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace NewsSearch.Querying;

/// <summary>
/// BM25 over the documents that have the field, not over every document in the index. Lucene 4 computes a word's
/// IDF and a field's average length from the index's document count, and this index also holds one document per
/// quotation, with no body: counted in, they inflated every body word's IDF and shrank the average body length,
/// so an article ranked differently when the same collection carried more quotations. Lucene 6 and later count
/// the documents with the field, as done here.
/// </summary>
internal sealed class ArticleSimilarity(float k1, float b) : BM25Similarity(k1, b)
{
    public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics termStats)
    {
        var documents = Documents(collectionStats);
        var idf = Idf(termStats.DocFreq, documents);
        return new Explanation(idf, $"idf(docFreq={termStats.DocFreq}, docCount={documents})");
    }

    public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics[] termStats)
    {
        var explanation = new Explanation { Description = "idf(), sum of:" };
        foreach (var stat in termStats)
        {
            var term = IdfExplain(collectionStats, stat);
            explanation.AddDetail(term);
            explanation.Value += term.Value;
        }
        return explanation;
    }

    /// <summary>A word's IDF from statistics the caller already has (1 if <paramref name="similarity"/> is not BM25).</summary>
    public static float Idf(Similarity similarity, CollectionStatistics collection, TermStatistics term) =>
        similarity is BM25Similarity bm25 ? bm25.IdfExplain(collection, term).Value : 1f;

    /// <summary>
    /// The query norm <see cref="IndexSearcher.CreateNormalizedWeight"/> gives a weight with this value for
    /// normalization (1 where the similarity's is not finite): for the weights this project builds without Lucene's.
    /// </summary>
    public static float QueryNorm(Similarity similarity, float valueForNormalization)
    {
        var norm = similarity.QueryNorm(valueForNormalization);
        return float.IsInfinity(norm) || float.IsNaN(norm) ? 1f : norm;
    }

    protected override float AvgFieldLength(CollectionStatistics collectionStats)
    {
        var documents = Documents(collectionStats);
        return collectionStats.SumTotalTermFreq <= 0 || documents <= 0 ? 1f : (float)((double)collectionStats.SumTotalTermFreq / documents);
    }

    private static long Documents(CollectionStatistics collectionStats) =>
        collectionStats.DocCount > 0 ? collectionStats.DocCount : collectionStats.MaxDoc;
}
