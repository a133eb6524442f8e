using System.CommandLine;
using System.Globalization;
using NewsSearch.Cli.Output;
using Spectre.Console;

namespace NewsSearch.Cli.Commands;

/// <summary><c>newssearch stats</c>: what the index holds.</summary>
internal static class StatsCommand
{
    public static Command Create(CliContext context, Option<string?> indexOption)
    {
        var top = new Option<int>("--top")
        {
            Description = "How many datelines and speakers to list. Default: 10",
            HelpName = "N",
            DefaultValueFactory = _ => 10,
        };
        var json = CommandOptions.Json();
        var command = new Command("stats", "Number of articles, date span, top datelines and speakers, quotations per speaker") { top, json };
        command.SetAction(parse =>
        {
            var location = IndexLocation.Resolve(parse.GetValue(indexOption), context);
            using var index = location.OpenForReading(context);
            var stats = index.GetStatistics(SearchCommand.CheckRange(parse.GetValue(top), "--top", 0, 10_000));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new StatsJson(stats.Articles, JsonOutput.Day(stats.FirstDate), JsonOutput.Day(stats.LastDate),
                    stats.Datelines.ToDictionary(v => v.Value, v => v.Count), stats.Speakers.ToDictionary(v => v.Value, v => v.Count))
                {
                    Quotations = stats.Quotations,
                    QuotesBySpeaker = stats.QuotationsBySpeaker.ToDictionary(v => v.Value, v => v.Count),
                });
                return ExitCodes.Success;
            }

            var console = context.CreateConsole();
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[bold]articles[/]   {stats.Articles:N0}"));
            var span = stats.FirstDate is null ? "no dated articles" : $"{JsonOutput.Day(stats.FirstDate)} to {JsonOutput.Day(stats.LastDate)}";
            console.MarkupLine($"[bold]dates[/]      {span}");
            WriteCounts(console, "datelines", stats.Datelines);
            WriteCounts(console, "speakers", stats.Speakers);
            console.WriteLine();
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[bold]quotations[/] {stats.Quotations:N0}"));
            WriteCounts(console, "quotations by speaker", stats.QuotationsBySpeaker);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static void WriteCounts(IAnsiConsole console, string title, IReadOnlyList<ValueCount> counts)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]{title}[/]{(counts.Count == 0 ? "  none" : string.Empty)}");
        var width = counts.Count == 0 ? 0 : counts.Max(c => c.Count.ToString("N0", CultureInfo.InvariantCulture).Length);
        foreach (var count in counts)
        {
            var number = count.Count.ToString("N0", CultureInfo.InvariantCulture).PadLeft(width);
            console.WriteLine($"  {number}  {TerminalText.Sanitize(count.Value)}");
        }
    }
}
