using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;
using NewsSearch.Analysis;
using NewsSearch.Indexing;

namespace NewsSearch.Querying;

/// <summary>A query as a ranking runs it: the user's query, the clauses the ranking added, and the feedback words.</summary>
internal sealed record RankedQuery(Query Query, Query UserQuery, IReadOnlyList<(Query Part, ContributionKind Kind)> Additions, IReadOnlyList<WeightedTerm> FeedbackTerms)
{
    /// <summary>The user's query as it is.</summary>
    public static RankedQuery Plain(Query userQuery) => new(userQuery, userQuery, [], []);
}

/// <summary>
/// Turns the user's query into the query the default ranking runs. The user's query stays a required clause, so
/// the ranking never changes which articles match, only their order. Optional clauses add score for query words
/// among the article's first words (headline and lead), for adjacent query words found close together, and, for
/// descriptive queries, for the words most frequent in the best first-pass matches (RM3 pseudo-relevance feedback).
/// </summary>
internal static class QueryRewriter
{
    public static RankedQuery Rewrite(Query userQuery, RankingSettings settings, IndexSearcher searcher, Filter? filter, Analyzer analyzer)
    {
        if (!settings.RewritesQuery)
        {
            return RankedQuery.Plain(userQuery);
        }
        var units = WordUnits(userQuery);
        var words = units.SelectMany(u => u).Distinct(StringComparer.Ordinal).ToList();
        var additions = new List<(Query, ContributionKind)>();
        if (settings.LeadBoost > 0 && words.Count > 0)
        {
            additions.Add((AnyWordInLead(words, settings.LeadBoost, searcher), ContributionKind.Lead));
        }
        if (settings.ProximityBoost > 0 && Proximity(units, settings) is { } proximity)
        {
            additions.Add((proximity, ContributionKind.Proximity));
        }

        List<WeightedTerm> feedbackTerms = [];
        if (settings.FeedbackDocuments > 0 && words.Count >= settings.FeedbackMinWords)
        {
            feedbackTerms = FeedbackTerms(Combine(userQuery, additions), words.Count, settings, searcher, filter, analyzer);
            if (feedbackTerms.Count > 0)
            {
                var feedback = new BooleanQuery(disableCoord: true);
                foreach (var term in feedbackTerms)
                {
                    feedback.Add(new TermQuery(new Term(NewsFields.Body, term.Term)) { Boost = term.Weight }, Occur.SHOULD);
                }
                additions.Add((feedback, ContributionKind.Feedback));
            }
        }
        return new RankedQuery(Combine(userQuery, additions), userQuery, additions, feedbackTerms);
    }

    private static Query Combine(Query user, List<(Query Part, ContributionKind Kind)> additions)
    {
        if (additions.Count == 0)
        {
            return user;
        }
        var all = new BooleanQuery(disableCoord: true) { { user, Occur.MUST } };
        foreach (var (part, _) in additions)
        {
            all.Add(part, Occur.SHOULD);
        }
        return all;
    }

    /// <summary>
    /// The body words the query asks for (not those it excludes), in query order: a word alone, or the words of a
    /// phrase together (they already have to be adjacent).
    /// </summary>
    internal static List<string[]> WordUnits(Query query)
    {
        var units = new List<string[]>();
        void Walk(Query q)
        {
            switch (q)
            {
                case TermQuery term when term.Term.Field == NewsFields.Body:
                    units.Add([term.Term.Text]);
                    break;
                case PhraseQuery phrase when phrase.GetTerms() is { Length: > 0 } terms && terms[0].Field == NewsFields.Body:
                    units.Add(terms.Select(t => t.Text).ToArray());
                    break;
                case BooleanQuery boolean:
                    foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                    {
                        Walk(clause.Query);
                    }
                    break;
            }
        }
        Walk(query);
        return units;
    }

    /// <summary>
    /// Each query word found among the body's first positions (the article's text is indexed before its headline),
    /// scored by the word's rarity alone: whether it is in the lead, not how long the rest of the article is.
    /// </summary>
    private static BooleanQuery AnyWordInLead(List<string> words, float boost, IndexSearcher searcher)
    {
        var clause = new BooleanQuery(disableCoord: true) { Boost = boost };
        foreach (var word in words)
        {
            var term = new Term(NewsFields.Body, word);
            var idf = BlockMaxima.For(searcher).Idf(searcher, term);
            clause.Add(new LeadWordQuery(term, NewsAnalyzer.LeadPositions) { Boost = idf }, Occur.SHOULD);
        }
        return clause;
    }

    /// <summary>
    /// A sloppy two-word phrase for each pair of neighbouring query words ("ngo dinh", "dinh diem"): cheaper than one
    /// phrase of all the words, and it still rewards articles where only some of them stand together.
    /// </summary>
    private static BooleanQuery? Proximity(List<string[]> units, RankingSettings settings)
    {
        var clause = new BooleanQuery(disableCoord: true) { Boost = settings.ProximityBoost };
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i + 1 < units.Count; i++)
        {
            var (left, right) = (units[i][^1], units[i + 1][0]);
            if (left != right && seen.Add((left, right)))
            {
                var pair = new PhraseQuery { Slop = settings.ProximitySlop };
                pair.Add(new Term(NewsFields.Body, left));
                pair.Add(new Term(NewsFields.Body, right));
                clause.Add(pair, Occur.SHOULD);
            }
        }
        return clause.Clauses.Count == 0 ? null : clause;
    }

    /// <summary>
    /// RM3's relevance model: the body words of the best first-pass matches, each article's word distribution
    /// weighted by its share of the first-pass score. The most probable words (not too common in the index) are
    /// returned with weights that sum to the query's length times <see cref="RankingSettings.FeedbackWeight"/>.
    /// </summary>
    private static List<WeightedTerm> FeedbackTerms(Query first, int queryLength, RankingSettings settings, IndexSearcher searcher, Filter? filter, Analyzer analyzer)
    {
        var (top, _) = TopHitsSearch.Search(searcher, first, filter, settings.FeedbackDocuments, countAll: false);
        var total = top.ScoreDocs.Sum(d => d.Score);
        if (top.ScoreDocs.Length == 0 || total <= 0)
        {
            return [];
        }
        var model = new Dictionary<string, double>(StringComparer.Ordinal);
        var bodyOnly = new HashSet<string> { NewsFields.Body };
        foreach (var scoreDoc in top.ScoreDocs)
        {
            if (searcher.Doc(scoreDoc.Doc, bodyOnly).Get(NewsFields.Body) is not { } body)
            {
                continue;
            }
            var (counts, length) = CountWords(analyzer, body);
            var weight = scoreDoc.Score / total;
            foreach (var (word, count) in counts)
            {
                model[word] = model.GetValueOrDefault(word) + (weight * count / length);
            }
        }

        var reader = searcher.IndexReader;
        // Articles, not documents: the quotations indexed beside them have no body and must not raise the bar.
        var maxArticles = settings.FeedbackMaxDocShare * reader.GetDocCount(NewsFields.Body);
        var chosen = new List<(string Word, double P)>();
        foreach (var (word, p) in model.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            // Numbers and very common words drift the query towards whatever the first pass happened to share.
            if (!word.Any(char.IsLetter) || reader.DocFreq(new Term(NewsFields.Body, word)) > maxArticles)
            {
                continue;
            }
            chosen.Add((word, p));
            if (chosen.Count == settings.FeedbackTerms)
            {
                break;
            }
        }
        var sum = chosen.Sum(c => c.P);
        return chosen.ConvertAll(c => new WeightedTerm(c.Word, (float)(settings.FeedbackWeight * queryLength * c.P / sum)));
    }

    private static (Dictionary<string, int> Counts, int Length) CountWords(Analyzer analyzer, string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var length = 0;
        using var stream = analyzer.GetTokenStream(NewsFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var word = term.ToString();
            counts[word] = counts.GetValueOrDefault(word) + 1;
            length++;
        }
        stream.End();
        return (counts, Math.Max(length, 1));
    }
}
