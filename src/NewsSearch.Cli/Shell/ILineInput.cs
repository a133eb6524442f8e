namespace NewsSearch.Cli.Shell;

/// <summary>
/// Where the shell's lines come from: the line editor on a terminal (<see cref="TerminalLineInput"/>), or lines of
/// text from a script or a pipe (<see cref="TextLineInput"/>). The session only sees this, so tests script it.
/// </summary>
internal interface ILineInput : IDisposable
{
    /// <summary>Whether a person answers: only then is a long text paged (a script must not answer the pager).</summary>
    bool Interactive { get; }

    /// <summary>The terminal's size now, when the input knows it (it follows resizes); <c>null</c> otherwise.</summary>
    (int Width, int Height)? WindowSize { get; }

    /// <summary>Shows the prompt and returns the next line, or <c>null</c> at the end of input (Ctrl-D, end of the script).</summary>
    /// <param name="promptMarkup">The prompt as Spectre markup, without a trailing space.</param>
    string? ReadLine(string promptMarkup);

    /// <summary>Between two pages of a long text: shows the prompt and says whether to show the next page.</summary>
    bool ContinuePaging(string promptMarkup);
}
