using Lucene.Net.Index;
using Lucene.Net.Search;

namespace NewsSearch.Indexing;

/// <summary>
/// <c>--prune</c>: after a complete run, deletes the articles that came from the given paths but were not read
/// this time: their file, archive member or record is gone. Inputs that could not be read to their end keep
/// their articles, since what is missing from them is unknown.
/// </summary>
internal static class Pruning
{
    public static int Run(NewsIndex index, ArticleSource source, IReadOnlySet<string> seen)
    {
        var incomplete = source.IncompleteSources;
        var deleted = 0;
        foreach (var path in source.Paths.Where(p => p != ArticleSource.StandardInputPath))
        {
            foreach (var (id, articleSource) in ArticlesFrom(index, Path.GetFullPath(path)))
            {
                if (!seen.Contains(id) && !incomplete.Any(input => IsWithin(articleSource, input)) && index.Delete(id))
                {
                    deleted++;
                }
            }
        }
        index.Commit();
        return deleted;
    }

    /// <summary>Whether <paramref name="source"/> is <paramref name="root"/> or lies inside it (a folder, an archive).</summary>
    private static bool IsWithin(string source, string root) =>
        source.StartsWith(root, StringComparison.Ordinal) && (source.Length == root.Length || source[root.Length] == '/' || root.EndsWith('/'));

    /// <summary>Id and source of every article whose source lies within <paramref name="root"/>, as of the last commit.</summary>
    private static List<(string Id, string Source)> ArticlesFrom(NewsIndex index, string root) =>
        index.WithSearcher(searcher =>
        {
            var collector = new SourceCollector(root);
            searcher.Search(new PrefixQuery(new Term(NewsFields.Source, root)), collector);
            return collector.Found;
        });

    private sealed class SourceCollector(string root) : ICollector
    {
        private static readonly HashSet<string> Fields = [NewsFields.Id, NewsFields.Source];
        private AtomicReader? reader;

        public List<(string Id, string Source)> Found { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => reader = context.AtomicReader;

        public void Collect(int doc)
        {
            var document = reader!.Document(doc, Fields);
            var source = document.Get(NewsFields.Source);
            // The prefix query also finds "/news/input" for "/news/in": keep what is really inside.
            if (source is not null && IsWithin(source, root))
            {
                Found.Add((document.Get(NewsFields.Id), source));
            }
        }
    }
}
