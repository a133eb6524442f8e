using System.Text;
using System.Text.RegularExpressions;

namespace NewsSearch.Cli.Tests;

/// <summary>The result of one in-process run of the command line.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>
/// Runs <c>newssearch</c> in-process in a temporary working folder of its own, with captured output and a
/// controlled environment, so a test sees exactly what a user at a pipe (or a terminal) would.
/// </summary>
public sealed partial class CliRunner : IDisposable
{
    private readonly Dictionary<string, string?> environment = new(StringComparer.Ordinal);

    public CliRunner()
    {
        WorkingDirectory = Path.Combine(Path.GetTempPath(), "newssearch-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string WorkingDirectory { get; }

    public bool Terminal { get; set; }

    /// <summary>Whether standard error is a terminal (where progress is drawn).</summary>
    public bool ErrorTerminal { get; set; }

    /// <summary>What the command reads from standard input (the path "-").</summary>
    public byte[] StandardInput { get; set; } = [];

    public CliRunner WithEnvironment(string name, string? value)
    {
        environment[name] = value;
        return this;
    }

    /// <summary>What the command reads on standard input (the shell's lines), as from a pipe.</summary>
    public string Input { get; set; } = string.Empty;

    public string Write(string relativePath, string text)
    {
        var full = Path.Combine(WorkingDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
        return full;
    }

    /// <summary>Copies the repository's seeds into the working folder, as a fresh clone would have them.</summary>
    public void CopySeeds()
    {
        foreach (var file in Directory.GetFiles(Repository.Seeds))
        {
            Write(Path.Combine("seeds", Path.GetFileName(file)), File.ReadAllText(file));
        }
    }

    public CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            OutputIsTerminal = Terminal,
            ErrorIsTerminal = ErrorTerminal,
            OpenStandardInput = () => new MemoryStream(StandardInput),
            TerminalWidth = Terminal ? 100 : null,
            WorkingDirectory = WorkingDirectory,
            GetEnvironmentVariable = name => environment.GetValueOrDefault(name),
            In = new StringReader(Input),
        };
        var code = CliApp.Run(args, context);
        return new CliResult(code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>Runs the shell (<c>newssearch</c> alone) on these lines, as typed into a pipe.</summary>
    public CliResult Shell(params string[] lines)
    {
        Input = string.Join('\n', lines) + "\n";
        return Run();
    }

    /// <summary>Output with the parts that change from run to run (timings) replaced by placeholders.</summary>
    public static string Normalize(string text) => TimingPattern().Replace(text, "(TIME)");

    [GeneratedRegex(@"\(\d+(\.\d+)? (ms|s)\)")]
    private static partial Regex TimingPattern();

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned with the temp folder eventually.
        }
    }
}

public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Expected => Path.Combine(Root, "tests", "NewsSearch.Cli.Tests", "Expected");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Search.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Search.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Compares output with an expected-output file; UPDATE_EXPECTED=1 rewrites the file instead.</summary>
public static class Expected
{
    public static void Matches(string name, string actual)
    {
        var path = Path.Combine(Repository.Expected, name);
        if (Environment.GetEnvironmentVariable("UPDATE_EXPECTED") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"missing expected-output file {path}; run the tests with UPDATE_EXPECTED=1 to create it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            Assert.Fail($"output differs from {name}\n--- expected ---\n{expected}\n--- actual ---\n{actual}\n---");
        }
    }
}
