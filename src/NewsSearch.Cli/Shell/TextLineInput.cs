using NewsSearch.Cli.Output;
using Spectre.Console;

namespace NewsSearch.Cli.Shell;

/// <summary>
/// Lines from a script or a pipe (<c>newssearch &lt; queries.txt</c>, the tests). Each line is echoed after its
/// prompt, so the output reads as the transcript of a session.
/// </summary>
internal sealed class TextLineInput(TextReader reader, IAnsiConsole echo) : ILineInput
{
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
