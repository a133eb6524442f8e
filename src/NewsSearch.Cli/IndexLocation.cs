namespace NewsSearch.Cli;

/// <summary>
/// Which index a command uses: <c>--index DIR</c>, else the environment variable NEWSSEARCH_INDEX, else
/// <c>./index</c>. Only the default one is built on demand from <c>./seeds</c>, so a mistyped path is reported
/// rather than silently created.
/// </summary>
internal sealed record IndexLocation(string Path, string DisplayPath, bool IsDefault)
{
    public const string EnvironmentVariable = "NEWSSEARCH_INDEX";

    public static IndexLocation Resolve(string? option, CliContext context)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return new IndexLocation(context.Resolve(option), option, false);
        }
        var fromEnvironment = context.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new IndexLocation(context.Resolve(fromEnvironment), fromEnvironment, false);
        }
        return new IndexLocation(context.Resolve("index"), "./index", true);
    }

    /// <summary>
    /// Opens the index for reading. When it is the default one, does not exist yet, and <c>./seeds</c> does,
    /// builds it from there first and says so on standard error.
    /// </summary>
    public NewsIndex OpenForReading(CliContext context)
    {
        if (IsDefault && !NewsIndex.Exists(Path))
        {
            var seeds = context.Resolve("seeds");
            if (Directory.Exists(seeds))
            {
                context.Error.WriteLine($"newssearch: no index at {DisplayPath} yet: building it from ./seeds");
                using var created = NewsIndex.OpenOrCreate(Path);
                var report = created.IndexPaths([seeds], cancellation: context.Cancellation);
                foreach (var problem in report.Rejected)
                {
                    context.Error.WriteLine($"newssearch: {problem}");
                }
            }
        }
        if (!NewsIndex.Exists(Path))
        {
            throw new IndexNotFoundException(DisplayPath);
        }
        return NewsIndex.Open(Path);
    }
}
