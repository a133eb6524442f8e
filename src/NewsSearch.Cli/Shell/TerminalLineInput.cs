using RadLine;
using Spectre.Console;
using Spectre.Console.Advanced;

namespace NewsSearch.Cli.Shell;

/// <summary>
/// Lines typed at a terminal, edited with RadLine: arrows and Home/End move, Up/Down recall earlier lines (kept
/// across sessions by <see cref="ShellHistory"/>), Ctrl-C clears the line, Ctrl-D on an empty line ends the session.
/// This and <see cref="ForConsole"/> are the only shell code that touches the real console.
/// </summary>
internal sealed class TerminalLineInput : ILineInput
{
    private readonly IAnsiConsole terminal;
    private readonly IInputSource keys;
    private readonly LineEditor editor;
    private readonly PromptText prompt = new();
    private readonly ShellHistory? history;
    private readonly Func<(int Width, int Height)?> windowSize;
    private readonly Action? restore;

    public TerminalLineInput(IAnsiConsole terminal, IInputSource keys, ShellHistory? history, Func<(int Width, int Height)?> windowSize, Action? restore = null)
    {
        this.terminal = terminal;
        this.keys = keys;
        this.history = history;
        this.windowSize = windowSize;
        this.restore = restore;
        editor = new LineEditor(terminal, keys) { Prompt = prompt };

        // Single-line editing: Up and Down browse the history, as in every shell (RadLine puts it on Ctrl-Up).
        editor.KeyBindings.Add<PreviousHistoryCommand>(ConsoleKey.UpArrow);
        editor.KeyBindings.Add<NextHistoryCommand>(ConsoleKey.DownArrow);
        editor.KeyBindings.Add<MoveHomeCommand>(ConsoleKey.A, ConsoleModifiers.Control);
        editor.KeyBindings.Add<MoveEndCommand>(ConsoleKey.E, ConsoleModifiers.Control);
        editor.KeyBindings.Add<ClearLineCommand>(ConsoleKey.C, ConsoleModifiers.Control);
        editor.KeyBindings.Add<ClearLineCommand>(ConsoleKey.U, ConsoleModifiers.Control);
        editor.KeyBindings.Add<EndOfInputCommand>(ConsoleKey.D, ConsoleModifiers.Control);

        foreach (var line in history?.Load() ?? [])
        {
            editor.History.Add(line);
        }
    }

    public bool Interactive => true;

    public (int Width, int Height)? WindowSize => windowSize();

    /// <summary>The line editor on the process's own terminal. Ctrl-C becomes a key (it clears the line) until disposed.</summary>
    public static TerminalLineInput ForConsole(CliContext context, ShellHistory? history)
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Out),
            Ansi = AnsiSupport.Yes,
            ColorSystem = context.Styled ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        var controlC = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        return new TerminalLineInput(terminal, new ConsoleKeys(), history, CurrentSize, () => Console.TreatControlCAsInput = controlC);
    }

    public string? ReadLine(string promptMarkup)
    {
        prompt.Markup = promptMarkup;
        // RadLine reads keys asynchronously; the shell has nothing else to do meanwhile.
        var line = editor.ReadLine(CancellationToken.None).GetAwaiter().GetResult();
        if (line is not null)
        {
            history?.Add(line);
        }
        return line;
    }

    public bool ContinuePaging(string promptMarkup)
    {
        terminal.Markup(promptMarkup);
        var key = keys.ReadKey();
        terminal.WriteAnsi("\r\u001b[2K");
        var stop = key.Key is ConsoleKey.Q or ConsoleKey.Escape
                   || (key.Modifiers.HasFlag(ConsoleModifiers.Control) && key.Key is ConsoleKey.C or ConsoleKey.D);
        return !stop;
    }

    public void Dispose() => restore?.Invoke();

    private static (int Width, int Height)? CurrentSize()
    {
        try
        {
            return Console.WindowWidth > 0 && Console.WindowHeight > 0 ? (Console.WindowWidth, Console.WindowHeight) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The prompt shows the session's filters, so it changes between lines; RadLine's own prompt is fixed.</summary>
    private sealed class PromptText : ILineEditorPrompt
    {
        public string Markup { get; set; } = ">";

        public (Markup Markup, int Margin) GetPrompt(ILineEditorState state, int line) => (new Markup(Markup), 1);
    }

    /// <summary>Ctrl-C (and Ctrl-U): forget what was typed on this line and go on editing.</summary>
    private sealed class ClearLineCommand : LineEditorCommand
    {
        public override void Execute(LineEditorContext context)
        {
            context.Buffer.Clear(0, context.Buffer.Length);
            context.Buffer.Move(0);
        }
    }

    /// <summary>Ctrl-D: on an empty line, the end of input (RadLine then returns null); elsewhere, delete as in every shell.</summary>
    private sealed class EndOfInputCommand : LineEditorCommand
    {
        public override void Execute(LineEditorContext context)
        {
            if (context.Buffer.Length == 0)
            {
                context.Submit(SubmitAction.Cancel);
            }
            else
            {
                context.Execute(new DeleteCommand());
            }
        }
    }

    private sealed class ConsoleKeys : IInputSource
    {
        public bool ByPassProcessing => false;

        public bool IsKeyAvailable() => Console.KeyAvailable;

        public ConsoleKeyInfo ReadKey() => Console.ReadKey(intercept: true);
    }
}
