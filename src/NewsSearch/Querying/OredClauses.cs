using Lucene.Net.Search;

namespace NewsSearch.Querying;

/// <summary>The clauses of a Boolean query that only ORs queries of one kind: how the default ranking's extra clauses are built.</summary>
internal static class OredClauses
{
    /// <summary>
    /// The Boolean query and its clauses when <paramref name="query"/> ORs queries of type <typeparamref name="T"/> only
    /// (coordination off, every boost positive and finite, each clause accepted by <paramref name="accept"/>); else <c>null</c>.
    /// </summary>
    public static (BooleanQuery Boolean, List<T> Clauses)? Of<T>(Query query, Func<T, bool> accept)
        where T : Query
    {
        if (query is not BooleanQuery { CoordDisabled: true, MinimumNumberShouldMatch: 0 } boolean || boolean.Clauses.Count == 0
            || !IsUsable(boolean.Boost))
        {
            return null;
        }
        var clauses = new List<T>(boolean.Clauses.Count);
        foreach (var clause in boolean.Clauses)
        {
            if (clause.Occur != Occur.SHOULD || clause.Query is not T typed || !IsUsable(typed.Boost) || !accept(typed))
            {
                return null;
            }
            clauses.Add(typed);
        }
        return (boolean, clauses);
    }

    private static bool IsUsable(float boost) => boost > 0 && float.IsFinite(boost);
}
