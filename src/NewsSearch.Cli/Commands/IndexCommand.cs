using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using NewsSearch.Cli.Output;

namespace NewsSearch.Cli.Commands;

/// <summary><c>newssearch index PATH...</c>: add files, folders and archives of articles to the index.</summary>
internal static partial class IndexCommand
{
    /// <summary>Rejected inputs listed one by one on standard error; the rest are counted by reason.</summary>
    internal const int ProblemsShown = 10;

    public static Command Create(CliContext context, Option<string?> indexOption)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files, folders (read recursively) and archives: seed-format text, JSON Lines (.jsonl, .jsonl.gz), "
                          + ".tar, .tar.gz, .tgz, .zip; '-' reads JSON Lines from standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var include = CommandOptions.Include();
        var exclude = CommandOptions.Exclude();
        var prune = new Option<bool>("--prune")
        {
            Description = "Delete the articles from these paths whose file, archive member or record is gone",
        };
        var threads = new Option<int>("--threads")
        {
            Description = $"Threads that extract and write articles (one more reads). Default: {Environment.ProcessorCount}, the number of cores",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var ramBuffer = new Option<double>("--ram-buffer")
        {
            Description = $"Memory the index writer fills before it writes a segment, in MB. Default: {NewsIndexOptions.Default.RamBufferMB}",
            HelpName = "MB",
            DefaultValueFactory = _ => NewsIndexOptions.Default.RamBufferMB,
        };
        var noExtract = new Option<bool>("--no-extract")
        {
            Description = "Index the text only, without finding quotations and speakers (faster; speaker filters and quotes then find nothing for these articles)",
        };
        var json = CommandOptions.Json();
        var command = new Command("index", "Add articles to the index; an article already there is replaced, never duplicated")
        {
            paths, include, exclude, prune, threads, ramBuffer, noExtract, json,
        };
        command.SetAction(parse =>
        {
            var options = new IngestOptions
            {
                Include = parse.GetValue(include) ?? [],
                Exclude = parse.GetValue(exclude) ?? [],
                Prune = parse.GetValue(prune),
                Threads = SearchCommand.CheckRange(parse.GetValue(threads), "--threads", 1, 64),
                OpenStandardInput = context.OpenStandardInput,
            };
            var ram = parse.GetValue(ramBuffer);
            if (ram is < 1 or > 2048)
            {
                throw new NewsSearchException($"--ram-buffer must be between 1 and 2048 MB, not {ram.ToString(CultureInfo.InvariantCulture)}");
            }
            var location = IndexLocation.Resolve(parse.GetValue(indexOption), context);
            return Run(context, location, parse.GetValue(paths)!, options, NewsIndexOptions.Default with { RamBufferMB = ram, ExtractSpeakers = !parse.GetValue(noExtract) }, parse.GetValue(json));
        });
        return command;
    }

    private static int Run(CliContext context, IndexLocation location, string[] paths, IngestOptions options, NewsIndexOptions indexOptions, bool json)
    {
        var resolved = ResolveInputs(context, paths);

        IndexReport report;
        using (var index = NewsIndex.OpenOrCreate(location.Path, indexOptions))
        {
            var progress = context.ErrorIsTerminal ? new ProgressLine(context) : null;
            try
            {
                report = index.IndexPaths(resolved, options, progress, context.Cancellation);
            }
            finally
            {
                progress?.Clear();
            }
            // Problems name inputs as the user typed them, not as resolved absolute paths.
            report = report with { Rejected = [.. report.Rejected.Select(p => p with { Source = Relativize(p.Source, resolved, paths) })] };
        }

        if (json)
        {
            JsonOutput.Write(context.Out, ToJson(report));
        }
        else
        {
            WriteText(context, location, report, options.Prune);
        }
        if (report.Interrupted)
        {
            return ExitCodes.Error;
        }
        return report.Rejected.Count == 0 ? ExitCodes.Success : ExitCodes.NothingFoundOrRejected;
    }

    private static void WriteText(CliContext context, IndexLocation location, IndexReport report, bool pruned)
    {
        foreach (var problem in report.Rejected.Take(ProblemsShown))
        {
            context.Error.WriteLine($"newssearch: {TerminalText.Sanitize(problem.ToString())}");
        }
        if (report.Rejected.Count > ProblemsShown)
        {
            // Thousands of lines would hide the summary: count the rest by kind of reason.
            var byReason = report.Rejected.Skip(ProblemsShown)
                .GroupBy(p => ReasonKind(p.Reason), StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count():N0} {TerminalText.Sanitize(g.Key)}"));
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"newssearch: ... and {report.Rejected.Count - ProblemsShown:N0} more rejected ({string.Join(", ", byReason)}); --json lists them all"));
        }
        if (report.Interrupted)
        {
            context.Error.WriteLine("newssearch: interrupted: what was indexed so far is committed; run the same command again to finish");
        }

        var deleted = pruned ? string.Create(CultureInfo.InvariantCulture, $"{report.Deleted} deleted, ") : string.Empty;
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(report.Interrupted ? "interrupted: " : "")}{report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, {deleted}{report.Rejected.Count} rejected ({report.Elapsed.TotalSeconds:0.0} s) into {location.DisplayPath}"));
    }

    /// <summary>
    /// What a reason says without its particulars: the text before its colon, less quoted values, parentheses and
    /// numbers ("bad date 'soon'" and "bad date '07/03'" are both "bad date").
    /// </summary>
    internal static string ReasonKind(string reason)
    {
        var head = ParticularsPattern().Replace(reason.Split(':', 2)[0], " ");
        return string.Join(' ', head.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex(@"'[^']*'|\([^)]*\)|\S*\d\S*")]
    private static partial Regex ParticularsPattern();

    private static IndexJson ToJson(IndexReport report)
    {
        static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 3);
        var stages = report.Stages is { } s
            ? new StagesJson(s.Threads, Seconds(s.Read), Seconds(s.Check), Seconds(s.Prepare), Seconds(s.Write), Seconds(s.Commit), Seconds(s.ReaderWaiting), Seconds(s.WorkersWaiting))
            : null;
        return new IndexJson(report.Added, report.Updated, report.Unchanged, report.Deleted,
            [.. report.Rejected.Select(p => new RejectedJson(p.Source, p.Line, p.Reason))], Seconds(report.Elapsed),
            report.Interrupted, report.TextBytes, stages);
    }

    /// <summary>The input paths resolved against the working folder (<c>-</c> stays standard input); an error when none exists.</summary>
    internal static List<string> ResolveInputs(CliContext context, string[] paths)
    {
        var resolved = paths.Select(p => p == ArticleSource.StandardInputPath ? p : context.Resolve(p)).ToList();
        var missing = resolved.Count(p => p != ArticleSource.StandardInputPath && !File.Exists(p) && !Directory.Exists(p));
        if (missing == resolved.Count)
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
