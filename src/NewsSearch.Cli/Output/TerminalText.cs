using System.Text;

namespace NewsSearch.Cli.Output;

/// <summary>
/// Article text is untrusted input: escape sequences or control characters in it must never reach the terminal
/// raw, where they could recolour, move the cursor or rewrite what the user sees.
/// </summary>
internal static class TerminalText
{
    /// <summary>
    /// Replaces control characters (ESC among them) and bidirectional-override characters with U+FFFD. Line breaks
    /// and tabs are kept only when <paramref name="keepLineBreaks"/> is set.
    /// </summary>
    public static string Sanitize(string text, bool keepLineBreaks = false)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var allowed = keepLineBreaks && c is '\n' or '\t';
            if (allowed || !IsUnsafe(c))
            {
                builder?.Append(c);
                continue;
            }
            builder ??= new StringBuilder(text, 0, i, text.Length);
            builder.Append('\uFFFD');
        }
        return builder?.ToString() ?? text;
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
