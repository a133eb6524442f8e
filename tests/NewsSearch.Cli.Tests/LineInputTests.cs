using NewsSearch.Cli.Shell;
using RadLine;
using Spectre.Console;

namespace NewsSearch.Cli.Tests;

/// <summary>
/// The line editor the shell uses on a terminal, driven by scripted keys instead of a keyboard; and the history it
/// keeps across sessions.
/// </summary>
public sealed class LineInputTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "newssearch-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly StringWriter screen = new();

    public LineInputTests() => Directory.CreateDirectory(folder);

    private string HistoryPath => Path.Combine(folder, "data", "newssearch", "history");

    public void Dispose()
    {
        screen.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void TypedLine_IsReturned_AndKeptInTheHistoryFile()
    {
        using var input = Editor(Keys.Type("grain deal"), Keys.Enter);

        Assert.Equal("grain deal", input.ReadLine("newssearch>"));
        Assert.Equal(["grain deal"], File.ReadAllLines(HistoryPath));
        Assert.Contains("newssearch>", screen.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CtrlC_ClearsTheLine_AndEditingGoesOn()
    {
        using var input = Editor(Keys.Type("wrong query"), Keys.Control(ConsoleKey.C), Keys.Type("right"), Keys.Enter);

        Assert.Equal("right", input.ReadLine(">"));
    }

    [Fact]
    public void CtrlD_OnAnEmptyLine_EndsTheInput_ElsewhereDeletes()
    {
        using var input = Editor(
            Keys.Type("ab"), Keys.Key(ConsoleKey.LeftArrow), Keys.Control(ConsoleKey.D), Keys.Enter,
            Keys.Control(ConsoleKey.D));

        Assert.Equal("a", input.ReadLine(">"));
        Assert.Null(input.ReadLine(">"));
    }

    [Fact]
    public void History_IsRecalledWithUp_InTheNextSession()
    {
        using (var first = Editor(Keys.Type("first"), Keys.Enter, Keys.Type("second"), Keys.Enter))
        {
            first.ReadLine(">");
            first.ReadLine(">");
        }

        using var next = Editor(Keys.Key(ConsoleKey.UpArrow), Keys.Enter, Keys.Key(ConsoleKey.UpArrow), Keys.Key(ConsoleKey.UpArrow), Keys.Enter);

        Assert.Equal("second", next.ReadLine(">"));
        Assert.Equal("first", next.ReadLine(">"));
    }

    [Fact]
    public void Pager_EnterGoesOn_QStops()
    {
        using var input = Editor(Keys.Enter, Keys.Type("q"));

        Assert.True(input.ContinuePaging("-- more --"));
        Assert.False(input.ContinuePaging("-- more --"));
    }

    [Fact]
    public void History_SkipsRepeatsAndBlanks_KeepsTheLastThousand()
    {
        var warnings = new List<string>();
        var history = new ShellHistory(HistoryPath, warnings.Add);
        history.Add("a");
        history.Add("a");
        history.Add("  ");
        history.Add("b");
        Assert.Equal(["a", "b"], new ShellHistory(HistoryPath, warnings.Add).Load());

        File.WriteAllLines(HistoryPath, Enumerable.Range(1, ShellHistory.MaxLines + 5).Select(i => $"q{i}"));
        var loaded = new ShellHistory(HistoryPath, warnings.Add).Load();
        Assert.Equal(ShellHistory.MaxLines, loaded.Count);
        Assert.Equal("q6", loaded[0]);
        Assert.Equal(ShellHistory.MaxLines, File.ReadAllLines(HistoryPath).Length);
        Assert.Empty(warnings);
    }

    [Fact]
    public void History_ThatCannotBeWritten_IsReportedOnce_AndTheSessionGoesOn()
    {
        File.WriteAllText(Path.Combine(folder, "data"), "a file where the history folder should be");
        var warnings = new List<string>();
        var history = new ShellHistory(HistoryPath, warnings.Add);

        history.Add("one");
        history.Add("two");

        Assert.Single(warnings);
        Assert.StartsWith("history is not kept", warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void HistoryPath_FollowsTheEnvironmentVariable()
    {
        var context = new CliContext
        {
            Out = screen,
            Error = screen,
            WorkingDirectory = folder,
            GetEnvironmentVariable = name => name == ShellHistory.EnvironmentVariable ? "mine/history" : null,
        };

        Assert.Equal(Path.Combine(folder, "mine", "history"), ShellHistory.DefaultPath(context));
    }

    private TerminalLineInput Editor(params IEnumerable<ConsoleKeyInfo>[] keys)
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(screen),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        var history = new ShellHistory(HistoryPath, message => Assert.Fail(message));
        return new TerminalLineInput(terminal, new ScriptedKeys(keys.SelectMany(k => k)), history, () => (80, 24));
    }

    /// <summary>Keys as a keyboard would send them; waiting long after the last one is a test error, not a hang.</summary>
    private sealed class ScriptedKeys(IEnumerable<ConsoleKeyInfo> keys) : IInputSource
    {
        private readonly Queue<ConsoleKeyInfo> queue = new(keys);
        private int idlePolls;

        public bool ByPassProcessing => true;

        public bool IsKeyAvailable()
        {
            // The editor polls every 5 ms while it waits for a key.
            if (queue.Count == 0 && ++idlePolls > 400)
            {
                throw new InvalidOperationException("the editor is waiting for a key the test never typed");
            }
            return queue.Count > 0;
        }

        public ConsoleKeyInfo ReadKey() => queue.Dequeue();
    }

    private static class Keys
    {
        public static IEnumerable<ConsoleKeyInfo> Enter => [new('\r', ConsoleKey.Enter, false, false, false)];

        public static IEnumerable<ConsoleKeyInfo> Type(string text) =>
            text.Select(c => new ConsoleKeyInfo(c, char.IsLetter(c) ? Enum.Parse<ConsoleKey>(char.ToUpperInvariant(c).ToString()) : ConsoleKey.Spacebar, false, false, false));

        public static IEnumerable<ConsoleKeyInfo> Key(ConsoleKey key) => [new('\0', key, false, false, false)];

        public static IEnumerable<ConsoleKeyInfo> Control(ConsoleKey key) => [new((char)(key - ConsoleKey.A + 1), key, false, false, true)];
    }
}
