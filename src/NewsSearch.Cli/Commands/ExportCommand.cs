using System.CommandLine;
using System.Globalization;
using NewsSearch.Cli.Output;
using NewsSearch.Export;

namespace NewsSearch.Cli.Commands;

/// <summary><c>newssearch export DIR</c>: the index's articles and analysis for Elasticsearch or OpenSearch.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context, Option<string?> indexOption)
    {
        var folder = new Argument<string>("DIR") { Description = "Folder to write mapping.json, bulk-NNNNN.ndjson and load.sh into (created when missing; an earlier export there is replaced)" };
        var name = new Option<string>("--name")
        {
            Description = "Name of the Elasticsearch/OpenSearch alias to search; each load fills a new index NAME-TIME behind it. Default: news",
            HelpName = "NAME",
            DefaultValueFactory = _ => "news",
        };
        var fileMegabytes = new Option<int>("--file-mb")
        {
            Description = "Size at which a bulk file (one bulk request) is closed, in MB, 1 to 100. Default: 10",
            HelpName = "N",
            DefaultValueFactory = _ => 10,
        };
        var query = new Argument<string[]>("QUERY")
        {
            Description = "Only the articles this query matches (as search finds them), with the filters below. Omit it to export every article the filters match",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var from = CommandOptions.From();
        var to = CommandOptions.To();
        var speaker = CommandOptions.Speaker();
        var dateline = CommandOptions.Dateline();
        var json = CommandOptions.Json();
        var command = new Command("export", "Write the index's articles, speakers and quotations, with their analysis, for Elasticsearch or OpenSearch: a mapping, bulk files and a load script")
        {
            folder, query, from, to, speaker, dateline, name, fileMegabytes, json,
        };
        command.SetAction(parse =>
        {
            var text = string.Join(' ', parse.GetValue(query) ?? []);
            var selection = new SearchRequest
            {
                Query = string.IsNullOrWhiteSpace(text) ? null : text,
                From = CommandOptions.ParseDay(parse.GetValue(from), "--from", first: true),
                To = CommandOptions.ParseDay(parse.GetValue(to), "--to", first: false),
                Speaker = parse.GetValue(speaker),
                Dateline = parse.GetValue(dateline),
            };
            var options = Named(parse.GetValue(name)!) with
            {
                MaxFileBytes = SearchCommand.CheckRange(parse.GetValue(fileMegabytes), "--file-mb", 1, 100) * 1024L * 1024,
                // A selection of nothing but defaults is the whole index.
                Articles = selection == new SearchRequest() ? null : selection,
            };
            var location = IndexLocation.Resolve(parse.GetValue(indexOption), context);
            using var index = location.OpenForReading(context);
            var progress = context.ErrorIsTerminal ? new Progress<int>(n => context.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\rexported {n:N0} articles"))) : null;
            var report = ElasticsearchExport.Write(index, context.Resolve(parse.GetValue(folder)!), options, progress, context.Cancellation);
            if (progress is not null)
            {
                context.Error.Write("\r" + new string(' ', 40) + "\r");
            }
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new ExportJson(report.Folder, options.IndexName, report.Articles, report.Quotations, report.Files, report.Bytes,
                    Math.Round(report.Elapsed.TotalSeconds, 3)));
                return Status(report);
            }
            var bulkFiles = report.Files.Count - 2;
            context.Out.WriteLine(TerminalText.Sanitize(string.Create(CultureInfo.InvariantCulture,
                $"exported {report.Articles:N0} articles and {report.Quotations:N0} quotations to {report.Folder} in {report.Elapsed.TotalSeconds:0.0} s: {ElasticsearchExport.MappingFile}, {bulkFiles} bulk file{(bulkFiles == 1 ? "" : "s")}, {ElasticsearchExport.LoadScript} ({report.Bytes / 1e6:0.0} MB)")));
            context.Out.WriteLine(TerminalText.Sanitize(
                $"load into Elasticsearch or OpenSearch, behind the alias '{options.IndexName}': {Path.Combine(report.Folder, ElasticsearchExport.LoadScript)} [URL, default http://localhost:9200]"));
            return Status(report);
        });
        return command;
    }

    /// <summary>As search does: 1 when nothing was there to export (an empty index, or a selection that matches nothing).</summary>
    private static int Status(ElasticsearchExportReport report) => report.Articles > 0 ? ExitCodes.Success : ExitCodes.NothingFoundOrRejected;

    /// <summary>Options with this alias name, its mistakes reported as the option's.</summary>
    private static ElasticsearchExportOptions Named(string name)
    {
        try
        {
            return new ElasticsearchExportOptions { IndexName = name };
        }
        catch (ArgumentException e)
        {
            throw new NewsSearchException($"--name: {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }
}
