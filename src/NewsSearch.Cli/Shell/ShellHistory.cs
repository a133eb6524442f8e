namespace NewsSearch.Cli.Shell;

/// <summary>
/// The lines typed in the shell, kept across sessions in a file in the user's data folder (on Linux
/// <c>$XDG_DATA_HOME/newssearch/history</c>, by default <c>~/.local/share/newssearch/history</c>). Each line is
/// appended as it is typed, so a session that ends abruptly loses nothing.
/// </summary>
internal sealed class ShellHistory
{
    /// <summary>Environment variable naming another history file.</summary>
    public const string EnvironmentVariable = "NEWSSEARCH_HISTORY";

    /// <summary>Lines kept; older ones are dropped when the file is next loaded.</summary>
    public const int MaxLines = 1000;

    private readonly Action<string> warn;
    private string? last;
    private bool broken;

    public ShellHistory(string path, Action<string> warn)
    {
        Path = path;
        this.warn = warn;
    }

    public string Path { get; }

    /// <summary>The history file for this user: <c>$NEWSSEARCH_HISTORY</c>, else the user's data folder; <c>null</c> when there is none.</summary>
    public static string? DefaultPath(CliContext context)
    {
        var chosen = context.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            return context.Resolve(chosen);
        }
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(data) ? null : System.IO.Path.Combine(data, "newssearch", "history");
    }

    /// <summary>The saved lines, oldest first; trims the file to the last <see cref="MaxLines"/>.</summary>
    public IReadOnlyList<string> Load()
    {
        if (!File.Exists(Path))
        {
            return [];
        }
        try
        {
            var lines = File.ReadAllLines(Path).Where(l => l.Length > 0).ToList();
            if (lines.Count > MaxLines)
            {
                lines = lines[^MaxLines..];
                File.WriteAllLines(Path, lines);
            }
            last = lines.LastOrDefault();
            return lines;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail(e);
            return [];
        }
    }

    /// <summary>Appends a line, unless it is blank or repeats the previous one.</summary>
    public void Add(string line)
    {
        if (broken || string.IsNullOrWhiteSpace(line) || line == last)
        {
            return;
        }
        last = line;
        try
        {
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            File.AppendAllLines(Path, [line]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail(e);
        }
    }

    /// <summary>A history that cannot be written must not stop the session: say so once and go on without it.</summary>
    private void Fail(Exception e)
    {
        broken = true;
        warn($"history is not kept: {e.Message}");
    }
}
