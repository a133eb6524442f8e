using System.CommandLine;
using NewsSearch.Cli.Shell;

namespace NewsSearch.Cli.Commands;

/// <summary><c>newssearch shell</c>, and <c>newssearch</c> alone: the interactive query console.</summary>
internal static class ShellCommand
{
    public static Command Create(CliContext context, Option<string?> indexOption)
    {
        var command = new Command("shell", "Explore the index interactively: queries, filters, pages, whole articles, counts and a timeline (also: newssearch with no command)");
        command.SetAction(parse => Run(context, IndexLocation.Resolve(parse.GetValue(indexOption), context)));
        return command;
    }

    public static int Run(CliContext context, IndexLocation location)
    {
        using var index = location.OpenForReading(context);
        using var input = CreateInput(context);
        new ShellSession(context, index, location, input).Run();
        return ExitCodes.Success;
    }

    /// <summary>The line editor when a person types at a terminal; plain lines from a script or a pipe otherwise.</summary>
    private static ILineInput CreateInput(CliContext context)
    {
        var dumb = string.Equals(context.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        if (context.InputIsTerminal && context.OutputIsTerminal && !dumb)
        {
            var path = ShellHistory.DefaultPath(context);
            var history = path is null ? null : new ShellHistory(path, message => context.Error.WriteLine($"newssearch: {message}"));
            return TerminalLineInput.ForConsole(context, history);
        }
        return new TextLineInput(context.In, context.CreateConsole(), interactive: context.InputIsTerminal);
    }
}
