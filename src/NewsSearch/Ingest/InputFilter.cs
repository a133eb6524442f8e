using Microsoft.Extensions.FileSystemGlobbing;

namespace NewsSearch.Ingest;

/// <summary>
/// The <c>--include</c> and <c>--exclude</c> globs, matched against paths relative to the folder or archive the
/// user named. Globbing is Microsoft.Extensions.FileSystemGlobbing's (<c>*</c> within a name, <c>**</c> across
/// folders); a pattern without a slash matches at any depth, as in .gitignore (<c>*.txt</c> is <c>**/*.txt</c>).
/// </summary>
internal sealed class InputFilter
{
    public static readonly InputFilter All = new([], []);

    private readonly Matcher? include;
    private readonly Matcher? exclude;

    /// <exception cref="NewsSearchException">A pattern uses a wildcard the globbing library does not know.</exception>
    public InputFilter(IReadOnlyList<string> includes, IReadOnlyList<string> excludes)
    {
        if (includes.Count > 0)
        {
            include = new Matcher(StringComparison.Ordinal);
            include.AddIncludePatterns(includes.Select(p => Normalize(p, "--include")));
        }
        if (excludes.Count > 0)
        {
            exclude = new Matcher(StringComparison.Ordinal);
            exclude.AddInclude("**/*");
            exclude.AddExcludePatterns(excludes.Select(p => Normalize(p, "--exclude")));
        }
    }

    /// <summary>Whether a file (or archive member) at this relative path is read.</summary>
    public bool AcceptsFile(string relativePath) =>
        (include is null || include.Match(relativePath).HasMatches) && !Excludes(relativePath);

    /// <summary>Whether an archive at this relative path is opened: only an exclude can skip it, as it holds the files includes name.</summary>
    public bool AcceptsArchive(string relativePath) => !Excludes(relativePath);

    /// <summary>Whether a folder at this relative path is walked.</summary>
    public bool AcceptsFolder(string relativePath) => !Excludes(relativePath);

    private bool Excludes(string relativePath) => exclude is not null && !exclude.Match(relativePath).HasMatches;

    private static string Normalize(string pattern, string option)
    {
        var glob = pattern.Trim().Replace('\\', '/');
        if (glob.IndexOfAny(['?', '[', '{']) >= 0)
        {
            // A silently different meaning would be worse than an error: the library knows only * and **.
            throw new NewsSearchException($"{option} '{pattern}': only '*' (within a name) and '**' (any folders) are supported, not '?', '[...]' or '{{...}}'");
        }
        glob = glob.TrimEnd('/');
        if (glob.Length == 0)
        {
            throw new NewsSearchException($"{option}: the pattern is empty; give a glob such as '*.jsonl' or 'drafts'");
        }
        // "/2023/*" is anchored at the root; "*.txt" and "drafts" match at any depth.
        return glob.StartsWith('/') ? glob.TrimStart('/') : glob.Contains('/', StringComparison.Ordinal) ? glob : "**/" + glob;
    }
}
