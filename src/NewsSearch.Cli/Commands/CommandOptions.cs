using System.CommandLine;
using NewsSearch.Querying;

namespace NewsSearch.Cli.Commands;

/// <summary>Options that several commands share, defined once so their names and help never drift apart.</summary>
internal static class CommandOptions
{
    public static Option<string?> Index() => new("--index")
    {
        Description = $"Index folder. Default: ${IndexLocation.EnvironmentVariable}, else ./index",
        HelpName = "DIR",
        Recursive = true,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON document on standard output, for scripts",
    };

    public static Option<string[]> Include() => new("--include")
    {
        Description = "Only read the files in folders and archives that match this glob (* within a name, ** across folders; "
                      + "without a slash it matches at any depth). Repeatable",
        HelpName = "GLOB",
    };

    public static Option<string[]> Exclude() => new("--exclude")
    {
        Description = "Skip the files, archives and folders that match this glob, written as for --include. Repeatable",
        HelpName = "GLOB",
    };

    public static Option<string?> From() => new("--from")
    {
        Description = "Only articles published on or after this day (YYYY, YYYY-MM or YYYY-MM-DD)",
        HelpName = "DATE",
    };

    public static Option<string?> To() => new("--to")
    {
        Description = "Only articles published on or before this day, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)",
        HelpName = "DATE",
    };

    public static Option<string?> Speaker() => new("--speaker")
    {
        Description = "Only articles quoting this person (full name or surname)",
        HelpName = "NAME",
    };

    public static Option<string?> Dateline() => new("--dateline")
    {
        Description = "Only articles with this dateline (case and spacing ignored)",
        HelpName = "PLACE",
    };

    public static Option<int> Limit(int defaultValue = 10) => new("--limit", "-n")
    {
        Description = $"Number of results to show. Default: {defaultValue}",
        HelpName = "N",
        DefaultValueFactory = _ => defaultValue,
    };

    public static Option<int> Offset() => new("--offset")
    {
        Description = "Number of results to skip, for paging. Default: 0",
        HelpName = "N",
    };

    public static Option<string> Ranking() => new Option<string>("--ranking")
    {
        Description = "Scoring: default (tuned: BM25 plus lead, proximity and feedback boosts) or bm25 (plain BM25, the reference). Default: default",
        HelpName = "NAME",
        DefaultValueFactory = _ => "default",
    }.AcceptingOnly("default", "bm25");

    public static SearchRanking ParseRanking(string? value) => value == "bm25" ? SearchRanking.Bm25 : SearchRanking.Default;

    private static Option<string> AcceptingOnly(this Option<string> option, params string[] values)
    {
        option.AcceptOnlyFromAmong(values);
        return option;
    }

    /// <summary>Reads a --from or --to value; a month or a year stands for its first (from) or last (to) day.</summary>
    public static DateOnly? ParseDay(string? text, string option, bool first)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!DateRange.TryParse(text, out var range, out var error))
        {
            throw new NewsSearchException($"{option}: {error}");
        }
        return first ? range.First : range.Last;
    }
}
