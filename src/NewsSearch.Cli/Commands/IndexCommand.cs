using System.CommandLine;
using System.Globalization;
using NewsSearch.Cli.Output;

namespace NewsSearch.Cli.Commands;

/// <summary><c>newssearch index PATH...</c>: add files and folders of articles to the index.</summary>
internal static class IndexCommand
{
    public static Command Create(CliContext context, Option<string?> indexOption)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files and folders (read recursively) of articles in the seed format",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = CommandOptions.Json();
        var command = new Command("index", "Add articles to the index; an article already there is replaced, never duplicated")
        {
            paths, json,
        };
        command.SetAction(parse => Run(context, IndexLocation.Resolve(parse.GetValue(indexOption), context), parse.GetValue(paths)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, IndexLocation location, string[] paths, bool json)
    {
        var resolved = ResolveInputs(context, paths);

        IndexReport report;
        using (var index = NewsIndex.OpenOrCreate(location.Path))
        {
            // Problems name inputs as the user typed them, not as resolved absolute paths.
            report = index.IndexPaths(resolved, cancellation: context.Cancellation);
            report = report with { Rejected = report.Rejected.Select(p => p with { Source = Relativize(p.Source, resolved, paths) }).ToList() };
        }

        if (json)
        {
            JsonOutput.Write(context.Out, new IndexJson(report.Added, report.Updated, report.Unchanged,
                report.Rejected.Select(p => new RejectedJson(p.Source, p.Line, p.Reason)).ToList(), Math.Round(report.Elapsed.TotalSeconds, 3)));
        }
        else
        {
            foreach (var problem in report.Rejected)
            {
                context.Error.WriteLine($"newssearch: {TerminalText.Sanitize(problem.ToString())}");
            }
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, {report.Rejected.Count} rejected ({report.Elapsed.TotalSeconds:0.0} s) into {location.DisplayPath}"));
        }
        return report.Rejected.Count == 0 ? ExitCodes.Success : ExitCodes.NothingFoundOrRejected;
    }

    /// <summary>The input paths resolved against the working folder; an error when none of them exists.</summary>
    internal static List<string> ResolveInputs(CliContext context, string[] paths)
    {
        var resolved = paths.Select(context.Resolve).ToList();
        if (resolved.All(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            throw new NewsSearchException(paths.Length == 1
                ? $"no such file or folder: {paths[0]}"
                : $"none of the {paths.Length} paths exists: {string.Join(", ", paths)}");
        }
        return resolved;
    }

    /// <summary>A problem's source named as the user typed the input, not as the resolved absolute path.</summary>
    internal static string Relativize(string source, List<string> resolved, string[] typed)
    {
        for (var i = 0; i < resolved.Count; i++)
        {
            if (source.StartsWith(resolved[i], StringComparison.Ordinal))
            {
                return typed[i] + source[resolved[i].Length..];
            }
        }
        return source;
    }
}
