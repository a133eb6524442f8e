using System.Text;
using Spectre.Console;

namespace NewsSearch.Cli.Output;

/// <summary>Text with its matched words marked, as Spectre markup: bold on a terminal, between ** marks otherwise.</summary>
internal static class MatchMarkup
{
    /// <summary>
    /// Sanitizes <paramref name="text"/> (untrusted article text) and marks each span. Sanitizing keeps every
    /// character's position, so spans found in the raw text still fall on the same words.
    /// </summary>
    public static string Mark(string text, IReadOnlyList<TextSpan> spans, bool styled, bool keepLineBreaks = false)
    {
        var safe = TerminalText.Sanitize(text, keepLineBreaks);
        var open = styled ? "[bold yellow]" : Markup.Escape(JsonOutput.MatchOpen);
        var close = styled ? "[/]" : Markup.Escape(JsonOutput.MatchClose);
        var builder = new StringBuilder(safe.Length + (spans.Count * 16));
        var position = 0;
        foreach (var span in spans)
        {
            if (span.Start < position || span.End > safe.Length)
            {
                continue;
            }
            builder.Append(Markup.Escape(safe[position..span.Start]));
            builder.Append(open).Append(Markup.Escape(safe.Substring(span.Start, span.Length))).Append(close);
            position = span.End;
        }
        builder.Append(Markup.Escape(safe[position..]));
        return builder.ToString();
    }
}
