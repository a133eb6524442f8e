using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace NewsSearch.Querying;

/// <summary>
/// The default ranking's proximity clause (sloppy two-word phrases ORed, see <see cref="QueryRewriter"/>) scored one
/// asked-for article at a time, with the scores Lucene's <see cref="PhraseQuery"/> gives it. Lucene's sloppy phrase
/// scorer, asked for an article, moves on to the next article where the pair matches and works out every
/// candidate's word distances on the way; the pruned search asks only for the articles the clause could still lift
/// onto the page, so this one reads positions for those alone. On Reuters the clause was a fifth of a default-ranking
/// search, two fifths of a two-word conjunction's; in-process A/B against Lucene's scorer, default-ranking searches
/// −7 % on Reuters (two-word conjunctions −29 %), −3 % at 200,000 articles (conjunctions −12 %).
/// </summary>
internal sealed class PairProximity
{
    private readonly Pair[] pairs;
    private readonly Similarity similarity;

    private PairProximity(Pair[] pairs, Similarity similarity)
    {
        this.pairs = pairs;
        this.similarity = similarity;
    }

    private sealed record Pair(Term Left, Term Right, TermContext LeftStates, TermContext RightStates, int Slop, Similarity.SimWeight Weight);

    /// <summary>
    /// The clause when <paramref name="query"/> is one (two distinct words each, one after the other, in one field,
    /// coordination off), its weights normalized as <see cref="IndexSearcher.CreateNormalizedWeight"/> would; else <c>null</c>.
    /// </summary>
    public static PairProximity? Of(Query query, IndexSearcher searcher)
    {
        if (OredClauses.Of<PhraseQuery>(query, phrase => phrase.Slop > 0 && phrase.GetTerms() is { Length: 2 } terms
                && !terms[0].Equals(terms[1]) && phrase.GetPositions() is [0, 1]) is not var (boolean, phrases))
        {
            return null;
        }

        var maxima = BlockMaxima.For(searcher);
        var similarity = searcher.Similarity;
        // Lucene rewrites a Boolean query of one clause to that clause with the Boolean's boost folded in.
        var single = phrases.Count == 1;
        var pairs = phrases.Select(phrase =>
        {
            var (left, right) = (phrase.GetTerms()[0], phrase.GetTerms()[1]);
            var (leftStates, rightStates) = (maxima.States(searcher, left), maxima.States(searcher, right));
            var weight = similarity.ComputeWeight(single ? phrase.Boost * boolean.Boost : phrase.Boost, searcher.CollectionStatistics(left.Field),
                searcher.TermStatistics(left, leftStates), searcher.TermStatistics(right, rightStates));
            return new Pair(left, right, leftStates, rightStates, phrase.Slop, weight);
        }).ToArray();

        // As the Boolean query's weight normalizes its clauses: one norm from all of them, the Boolean's boost on top.
        var sum = pairs.Sum(p => p.Weight.GetValueForNormalization()) * (single ? 1f : boolean.Boost * boolean.Boost);
        var norm = ArticleSimilarity.QueryNorm(similarity, sum);
        foreach (var pair in pairs)
        {
            pair.Weight.Normalize(norm, single ? 1f : boolean.Boost);
        }
        return new PairProximity(pairs, similarity);
    }

    /// <summary>The clause's scorer over <paramref name="leaf"/>, or <c>null</c> when no pair has both words there.</summary>
    public ClauseScorer? Open(AtomicReaderContext leaf, IBits? accepted)
    {
        var open = new List<OpenPair>();
        foreach (var pair in pairs)
        {
            if (pair.LeftStates.Get(leaf.Ord) is not { } leftState || pair.RightStates.Get(leaf.Ord) is not { } rightState
                || leaf.AtomicReader.GetTerms(pair.Left.Field)?.GetEnumerator() is not { } terms)
            {
                continue;
            }
            terms.SeekExact(pair.Left.Bytes, leftState);
            var left = terms.DocsAndPositions(accepted, null, DocsAndPositionsFlags.NONE);
            terms.SeekExact(pair.Right.Bytes, rightState);
            var right = terms.DocsAndPositions(accepted, null, DocsAndPositionsFlags.NONE);
            if (left is null || right is null)
            {
                throw new InvalidOperationException($"field \"{pair.Left.Field}\" was indexed without positions: cannot score proximity in it");
            }
            open.Add(new OpenPair(left, right, pair.Slop, similarity.GetSimScorer(pair.Weight, leaf)));
        }
        return open.Count == 0 ? null : new ClauseScorer([.. open]);
    }

    internal sealed record OpenPair(DocsAndPositionsEnum Left, DocsAndPositionsEnum Right, int Slop, Similarity.SimScorer Similarity);

    /// <summary>Scores asked-for articles in increasing order; each article once.</summary>
    internal sealed class ClauseScorer(OpenPair[] pairs)
    {
        /// <summary>The clause's score for <paramref name="doc"/> (0 where no pair matches).</summary>
        public float ScoreAt(int doc)
        {
            var score = 0f;
            foreach (var pair in pairs)
            {
                var left = pair.Left.DocID < doc ? pair.Left.Advance(doc) : pair.Left.DocID;
                var right = pair.Right.DocID < doc ? pair.Right.Advance(doc) : pair.Right.DocID;
                if (left == doc && right == doc && SloppyFrequency(pair) is > 0 and var frequency)
                {
                    score += pair.Similarity.Score(doc, frequency);
                }
            }
            return score;
        }

        /// <summary>
        /// Lucene 4.8's sloppy phrase frequency for two distinct words (<c>SloppyPhraseScorer.phraseFreq</c> without
        /// repeated words): walking both words' positions (the right word's less one), each shortest window in which
        /// the lower of the two overtakes the other counts 1 / (its length + 1) when it is no longer than the slop.
        /// </summary>
        private static float SloppyFrequency(OpenPair pair)
        {
            var (leftLeft, rightLeft) = (pair.Left.Freq - 1, pair.Right.Freq - 1);
            var left = pair.Left.NextPosition();
            var right = pair.Right.NextPosition() - 1;
            var end = Math.Max(left, right);
            // The lower position leads; on a tie the word with the smaller offset, the left one.
            var leadIsLeft = left <= right;
            var lead = leadIsLeft ? left : right;
            var next = leadIsLeft ? right : left;
            var matchLength = end - lead;
            var frequency = 0f;
            while (true)
            {
                if (leadIsLeft)
                {
                    if (leftLeft-- <= 0)
                    {
                        break;
                    }
                    lead = left = pair.Left.NextPosition();
                }
                else
                {
                    if (rightLeft-- <= 0)
                    {
                        break;
                    }
                    lead = right = pair.Right.NextPosition() - 1;
                }
                end = Math.Max(end, lead);
                if (lead > next)
                {
                    if (matchLength <= pair.Slop)
                    {
                        frequency += pair.Similarity.ComputeSlopFactor(matchLength);
                    }
                    // The other word now leads.
                    leadIsLeft = !leadIsLeft;
                    next = lead;
                    lead = leadIsLeft ? left : right;
                    matchLength = end - lead;
                }
                else
                {
                    matchLength = Math.Min(matchLength, end - lead);
                }
            }
            if (matchLength <= pair.Slop)
            {
                frequency += pair.Similarity.ComputeSlopFactor(matchLength);
            }
            return frequency;
        }
    }
}
