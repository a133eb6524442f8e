using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsSearch.Querying;

/// <summary>
/// The default ranking's lead clause (<see cref="LeadWordQuery"/>s ORed, see <see cref="QueryRewriter"/>) scored one
/// asked-for article at a time, with the scores Lucene's weights give it, from the documents
/// <see cref="BlockMaxima.Lead"/> keeps per word: a bit lookup per word where Lucene's disjunction reads each article's
/// first position and, asked for one article, moves every word on to its next article in the lead.
/// </summary>
internal sealed class LeadClause
{
    private readonly (Term Term, int Positions, float Score)[] words;
    private readonly BlockMaxima maxima;

    private LeadClause((Term, int, float)[] words, BlockMaxima maxima)
    {
        this.words = words;
        this.maxima = maxima;
    }

    /// <summary>
    /// The clause when <paramref name="query"/> is one (lead words ORed, coordination off), each word's score
    /// normalized as <see cref="IndexSearcher.CreateNormalizedWeight"/> would; else <c>null</c>.
    /// </summary>
    public static LeadClause? Of(Query query, IndexSearcher searcher)
    {
        if (OredClauses.Of<LeadWordQuery>(query, _ => true) is not var (boolean, leads))
        {
            return null;
        }

        // As LeadWordQuery's weight normalizes: its boost, times the norm of the Boolean's clauses and the Boolean's
        // boost; Lucene rewrites a Boolean query of one clause to that clause with the Boolean's boost folded in.
        var single = leads.Count == 1;
        var boosts = leads.Select(lead => single ? lead.Boost * boolean.Boost : lead.Boost).ToArray();
        var norm = ArticleSimilarity.QueryNorm(searcher.Similarity, boosts.Sum(b => b * b) * (single ? 1f : boolean.Boost * boolean.Boost));
        var topLevel = single ? 1f : boolean.Boost;
        return new LeadClause([.. leads.Select((lead, i) => (lead.Term, lead.Positions, boosts[i] * (norm * topLevel)))], BlockMaxima.For(searcher));
    }

    /// <summary>The clause's score for any article of <paramref name="leaf"/>; <c>null</c> when no word is in a lead there.</summary>
    public Func<int, float>? Open(AtomicReaderContext leaf, IBits? accepted)
    {
        var open = words
            .Select(w => (Lead: maxima.Lead(leaf, w.Term, w.Positions), w.Score))
            .Where(w => w.Lead.Any)
            .Select(w => (w.Lead.Docs, w.Score))
            .ToArray();
        if (open.Length == 0)
        {
            return null;
        }
        return doc =>
        {
            var score = 0f;
            foreach (var (docs, wordScore) in open)
            {
                if (docs.Get(doc))
                {
                    score += wordScore;
                }
            }
            return score;
        };
    }
}
