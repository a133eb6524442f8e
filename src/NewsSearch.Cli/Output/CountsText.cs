using System.Globalization;
using System.Text.RegularExpressions;
using NewsSearch.Cli.Commands;
using Spectre.Console;

namespace NewsSearch.Cli.Output;

/// <summary>Counts of the matches by speaker, dateline and period, as text: in full (search --counts) or as the shell's summary.</summary>
internal static partial class CountsText
{
    /// <summary>How many speakers and datelines the shell's summary names.</summary>
    public const int SummaryTop = 5;

    /// <summary>The widest timeline the summary draws: wider columns say nothing more, and a pipe has no width.</summary>
    private const int MaxChartWidth = 100;

    /// <summary>The width of the summary's label column ("datelines  "); the timeline's axis lines up with it.</summary>
    private const int LabelWidth = 11;

    /// <summary>Every count on lines of its own: speakers, datelines, then one bar per period.</summary>
    public static void WriteFull(IAnsiConsole console, SearchCounts counts, bool styled)
    {
        StatsCommand.WriteCounts(console, "speakers", counts.Speakers);
        StatsCommand.WriteCounts(console, "datelines", counts.Datelines);
        console.WriteLine();
        console.MarkupLine($"[bold]{TimelineTitle(counts)}[/]  {Markup.Escape(TimelineSpan(counts))}");
        foreach (var line in TimelineChart.Rows(counts.Periods, console.Profile.Width))
        {
            console.MarkupLine(Bars(line, styled));
        }
    }

    /// <summary>The top speakers and datelines on one line each, then the timeline as columns.</summary>
    public static void WriteSummary(IAnsiConsole console, SearchCounts counts, bool styled)
    {
        WriteTop(console, "speakers", counts.Speakers);
        WriteTop(console, "datelines", counts.Datelines);
        if (counts.Periods.Count == 0)
        {
            return;
        }
        console.MarkupLine($"[bold]{TimelineTitle(counts).PadRight(LabelWidth - 1)}[/] {Markup.Escape(TimelineSpan(counts))}");
        if (counts.Periods.Count == 1)
        {
            // One bar says no more than the line above.
            return;
        }
        foreach (var line in TimelineChart.Columns(counts.Periods, Math.Min(console.Profile.Width, MaxChartWidth), gutter: LabelWidth - 1))
        {
            console.MarkupLine(Bars(line, styled));
        }
    }

    private static void WriteTop(IAnsiConsole console, string title, IReadOnlyList<ValueCount> counts)
    {
        var values = counts.Count == 0
            ? "none"
            : string.Join(" · ", counts.Take(SummaryTop).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value} {c.Count:N0}")));
        console.MarkupLine($"[bold]{title.PadRight(LabelWidth - 1)}[/] {Markup.Escape(TerminalText.Sanitize(values))}");
    }

    private static string TimelineTitle(SearchCounts counts) => counts.Unit switch
    {
        PeriodUnit.Day => "by day",
        PeriodUnit.Month => "by month",
        _ => "by year",
    };

    /// <summary>"2023-03-01 to 2023-03-10 · peak 2 on 2023-03-01 · 1 undated", or "all 2 on 2023-03-01".</summary>
    private static string TimelineSpan(SearchCounts counts)
    {
        var peak = counts.Periods.MaxBy(p => p.Count);
        var on = counts.Unit == PeriodUnit.Day ? "on" : "in";
        var parts = new List<string>
        {
            counts.Periods.Count == 1
                ? string.Create(CultureInfo.InvariantCulture, $"all {peak.Count:N0} {on} {peak.Label}")
                : string.Create(CultureInfo.InvariantCulture, $"{JsonOutput.Day(counts.FirstDate)} to {JsonOutput.Day(counts.LastDate)} · peak {peak.Count:N0} {on} {peak.Label}"),
        };
        if (counts.Undated > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{counts.Undated:N0} undated"));
        }
        return string.Join(" · ", parts);
    }

    /// <summary>A chart line as markup: the bars coloured on a terminal.</summary>
    private static string Bars(string line, bool styled) =>
        styled ? BlockRun().Replace(Markup.Escape(line), run => $"[blue]{run.Value}[/]") : Markup.Escape(line);

    [GeneratedRegex("[\u2581-\u258F]+")]
    private static partial Regex BlockRun();
}
