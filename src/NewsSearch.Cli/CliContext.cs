using Spectre.Console;

namespace NewsSearch.Cli;

/// <summary>
/// Everything a command needs from the process: where to write, whether that is a terminal, environment
/// variables, the working folder and Ctrl-C. Tests build one over string writers and run commands in-process.
/// </summary>
internal sealed class CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>Whether standard output is a terminal (not a pipe or a file).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Whether standard error is a terminal: long commands draw their progress there.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Opens standard input, for the path <c>-</c>.</summary>
    public Func<Stream> OpenStandardInput { get; init; } = Console.OpenStandardInput;

    /// <summary>Terminal width in columns, when standard output is a terminal.</summary>
    public int? TerminalWidth { get; init; }

    /// <summary>Terminal height in lines, when standard output is a terminal (the shell pages longer texts).</summary>
    public int? TerminalHeight { get; init; }

    /// <summary>Standard input: the shell reads its lines here when it is not a terminal (a script, a pipe).</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Whether standard input is a terminal: the shell then reads lines with the line editor.</summary>
    public bool InputIsTerminal { get; init; }

    /// <summary>The folder relative paths (and the default index and seeds) are resolved against.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Cancelled on Ctrl-C, so long runs stop cleanly between inputs.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// Styles (bold, colour) only on a terminal that accepts them: not when piped, not with NO_COLOR set (any
    /// value, per no-color.org), not on TERM=dumb.
    /// </summary>
    public bool Styled =>
        OutputIsTerminal
        && string.IsNullOrEmpty(GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    public static CliContext FromProcess(CancellationToken cancellation)
    {
        var terminal = !Console.IsOutputRedirected;
        int? width = null;
        int? height = null;
        if (terminal)
        {
            try
            {
                width = Console.WindowWidth > 0 ? Console.WindowWidth : null;
                height = Console.WindowHeight > 0 ? Console.WindowHeight : null;
            }
            catch (IOException)
            {
                width = null;
            }
        }
        return new CliContext
        {
            Out = Console.Out,
            Error = Console.Error,
            OutputIsTerminal = terminal,
            ErrorIsTerminal = !Console.IsErrorRedirected,
            TerminalWidth = width,
            Cancellation = cancellation,
            In = Console.In,
            InputIsTerminal = !Console.IsInputRedirected,
            TerminalHeight = height,
        };
    }

    /// <summary>Resolves a path the user typed against <see cref="WorkingDirectory"/>.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>A Spectre console over <see cref="Out"/>: styled per <see cref="Styled"/>, as wide as the terminal.</summary>
    public IAnsiConsole CreateConsole() => CreateConsole(Out, TerminalWidth);

    /// <summary>
    /// A console like <see cref="CreateConsole()"/> over another writer and width: the shell renders a long text
    /// to count its lines before paging it, and follows the terminal when it is resized.
    /// </summary>
    public IAnsiConsole CreateConsole(TextWriter writer, int? terminalWidth)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = Styled ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = Styled ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        // Piped output is not wrapped: a line per record is easier for the next program than a wrapped one.
        console.Profile.Width = OutputIsTerminal ? terminalWidth ?? 80 : 100_000;
        return console;
    }
}
