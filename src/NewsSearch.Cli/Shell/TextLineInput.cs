using NewsSearch.Cli.Output;
using Spectre.Console;

namespace NewsSearch.Cli.Shell;

/// <summary>
/// Lines from a script or a pipe (<c>newssearch &lt; queries.txt</c>, the tests), or typed at a terminal that cannot
/// edit lines (TERM=dumb). Each line is echoed after its prompt, so the output reads as the transcript of a session.
/// </summary>
/// <param name="reader">Where the lines come from.</param>
/// <param name="echo">Where the prompts and lines are echoed.</param>
/// <param name="interactive">Whether a person types the lines (see <see cref="ILineInput.Interactive"/>).</param>
internal sealed class TextLineInput(TextReader reader, IAnsiConsole echo, bool interactive = false) : ILineInput
{
    public bool Interactive => interactive;

    public (int Width, int Height)? WindowSize => null;

    public string? ReadLine(string promptMarkup)
    {
        var line = reader.ReadLine();
        if (line is not null)
        {
            echo.MarkupLine(line.Length == 0 ? promptMarkup : $"{promptMarkup} {Markup.Escape(TerminalText.Sanitize(line))}");
        }
        return line;
    }

    /// <summary>An empty line shows the next page; "q" or the end of input stops.</summary>
    public bool ContinuePaging(string promptMarkup)
    {
        var answer = ReadLine(promptMarkup);
        return answer is not null && !answer.Trim().Equals("q", StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        // The reader belongs to the caller (standard input, or a test's script).
    }
}
