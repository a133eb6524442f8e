using System.Globalization;
using System.Text;

namespace NewsSearch.Cli.Output;

/// <summary>
/// One line on standard error, redrawn in place while indexing runs on a terminal: a bar, the articles read, the
/// rate and the time left (estimated from the bytes read, the only measure known before the articles are counted).
/// </summary>
internal sealed class ProgressLine(CliContext context) : IProgress<IngestProgress>
{
    private const int BarWidth = 24;
    private readonly Lock gate = new();
    private int drawn;

    public void Report(IngestProgress value)
    {
        lock (gate)
        {
            var line = Format(value, context.Styled);
            var width = Math.Max(20, (context.TerminalWidth ?? 80) - 1);
            if (line.Length > width)
            {
                line = line[..width];
            }
            // Blanks over what is left of a longer previous line: works on terminals without escape sequences too.
            context.Error.Write("\r" + line + new string(' ', Math.Max(0, drawn - line.Length)));
            drawn = line.Length;
        }
    }

    /// <summary>Removes the line, so the summary that follows starts on a clean line.</summary>
    public void Clear()
    {
        lock (gate)
        {
            if (drawn > 0)
            {
                context.Error.Write("\r" + new string(' ', drawn) + "\r");
                drawn = 0;
            }
        }
    }

    internal static string Format(IngestProgress value, bool unicode)
    {
        var seconds = value.Elapsed.TotalSeconds;
        var rate = seconds > 0.5 ? value.Articles / seconds : 0;
        var line = new StringBuilder();
        if (value.InputBytesTotal is > 0 and var total)
        {
            var done = Math.Clamp(value.InputBytesRead / (double)total, 0, 1);
            var filled = (int)Math.Round(done * BarWidth);
            var (full, empty) = unicode ? ('█', '░') : ('#', '.');
            line.Append('[').Append(full, filled).Append(empty, BarWidth - filled).Append(']');
            line.Append(CultureInfo.InvariantCulture, $" {done * 100,3:0}%  ");
            if (done is > 0.01 and < 1)
            {
                var left = TimeSpan.FromSeconds(seconds * (1 - done) / done);
                line.Append(CultureInfo.InvariantCulture, $"{Clock(left)} left  ");
            }
        }
        line.Append(CultureInfo.InvariantCulture, $"{value.Articles:N0} articles  {rate:N0}/s");
        if (value.Rejected > 0)
        {
            line.Append(CultureInfo.InvariantCulture, $"  {value.Rejected:N0} rejected");
        }
        if (value.CurrentInput.Length > 0)
        {
            line.Append("  ").Append(TerminalText.Sanitize(value.CurrentInput));
        }
        return line.ToString();
    }

    private static string Clock(TimeSpan time) => time.TotalHours >= 1
        ? time.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : time.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
