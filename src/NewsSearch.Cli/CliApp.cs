using System.CommandLine;
using System.CommandLine.Help;
using NewsSearch.Cli.Commands;
using NewsSearch.Cli.Output;

namespace NewsSearch.Cli;

/// <summary>
/// The command line: parses arguments, runs one command, turns every error into one line on standard error and
/// exit code 2. The commands are thin: they parse, call the library, and print.
/// </summary>
internal static class CliApp
{
    public static int Run(string[] args, CliContext context)
    {
        LuceneFormats.Register();
        var root = BuildRoot(context);
        var parse = root.Parse(args, new ParserConfiguration { EnablePosixBundling = false });
        var errors = parse.Errors.Select(e => e.Message).Concat(UnknownLongOptions(parse)).ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                context.Error.WriteLine($"newssearch: {error}{Hint(error, parse)}");
            }
            // The command as typed, subcommands included ("eval quotes").
            var names = new List<string>();
            for (var result = parse.CommandResult; result is not null && result.Command != root; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            {
                names.Insert(0, result.Command.Name);
            }
            var path = string.Join(' ', names);
            context.Error.WriteLine($"newssearch: run 'newssearch {path}{(path.Length > 0 ? " " : string.Empty)}--help' for usage");
            return ExitCodes.Error;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (QuerySyntaxException e)
        {
            context.Error.WriteLine($"newssearch: query error: {TerminalText.Sanitize(e.Message)}");
            return ExitCodes.Error;
        }
        catch (NewsSearchException e)
        {
            context.Error.WriteLine($"newssearch: {TerminalText.Sanitize(e.Message)}");
            return ExitCodes.Error;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("newssearch: interrupted; what was committed before stays in the index");
            return ExitCodes.Error;
        }
        catch (IOException e)
        {
            context.Error.WriteLine($"newssearch: {TerminalText.Sanitize(e.Message)}");
            return ExitCodes.Error;
        }
        catch (UnauthorizedAccessException e)
        {
            context.Error.WriteLine($"newssearch: permission denied: {TerminalText.Sanitize(e.Message)}");
            return ExitCodes.Error;
        }
    }

    internal static Command BuildRoot(CliContext context)
    {
        var index = CommandOptions.Index();

        // A plain command rather than RootCommand, whose name is the executable's file name (NewsSearch.Cli).
        var root = new Command("newssearch", "NewsSearch: full-text search for news archives, by date, dateline and speaker, and the quotations in them")
        {
            new HelpOption(),
            new VersionOption(),
            index,
            ShellCommand.Create(context, index),
            IndexCommand.Create(context, index),
            SearchCommand.Create(context, index),
            ShowCommand.Create(context, index),
            StatsCommand.Create(context, index),
            QuotesCommand.Create(context, index),
            ExtractCommand.Create(context),
            RelatedCommand.Create(context, index),
            ExportCommand.Create(context, index),
            EvalCommand.Create(context),
        };

        // No command at all opens the shell.
        root.SetAction(parse => ShellCommand.Run(context, IndexLocation.Resolve(parse.GetValue(index), context)));
        return root;
    }

    /// <summary>
    /// A query may start with '-' ("ukraine -russia" excludes a word), so the parser hands unknown dashed words to
    /// the query. A word that starts with "--" is never a query, though: it is a mistyped option, unless it comes
    /// after "--".
    /// </summary>
    private static IEnumerable<string> UnknownLongOptions(ParseResult parse)
    {
        foreach (var token in parse.Tokens)
        {
            if (token.Type == System.CommandLine.Parsing.TokenType.DoubleDash)
            {
                yield break;
            }
            if (token.Type == System.CommandLine.Parsing.TokenType.Argument && token.Value.Length > 2 && token.Value.StartsWith("--", StringComparison.Ordinal))
            {
                yield return $"Unrecognized option '{token.Value}'.";
            }
        }
    }

    /// <summary>" (did you mean '--limit'?)" for a mistyped option or command.</summary>
    private static string Hint(string message, ParseResult parse)
    {
        var token = parse.Tokens.Select(t => t.Value).FirstOrDefault(t => t.StartsWith('-') && message.Contains($"'{t}'", StringComparison.Ordinal))
                    ?? parse.UnmatchedTokens.FirstOrDefault(t => message.Contains(t, StringComparison.Ordinal));
        if (token is null)
        {
            return string.Empty;
        }
        var command = parse.CommandResult.Command;
        var known = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name))
            .Concat(command.Subcommands.Select(c => c.Name))
            .Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive).Select(o => o.Name)));
        return Suggestions.Closest(token, known) is { } suggestion ? $" (did you mean '{suggestion}'?)" : string.Empty;
    }
}
