using System.Buffers;

namespace NewsSearch.Extraction;

/// <summary>
/// A quotation found between double quotation marks: where its marks are and where its text is. A quotation that
/// runs over several paragraphs has one opening mark per paragraph; <see cref="Open"/> is the first of them.
/// </summary>
/// <param name="Open">Offset of the opening mark.</param>
/// <param name="Close">Offset of the closing mark, or -1 when the quotation runs to the end of its last paragraph unclosed.</param>
/// <param name="TextStart">Offset of the first character of the quoted text (after the mark, white space skipped).</param>
/// <param name="TextEnd">Offset just past the last character of the quoted text (before the mark, white space skipped).</param>
internal readonly record struct QuoteSpan(int Open, int Close, int TextStart, int TextEnd);

/// <summary>
/// Finds quotations in a body: straight, curly and mixed double quotation marks; single quotation marks and further
/// double marks nested inside are part of the quotation; a paragraph that opens a quotation without closing it
/// continues into the next paragraph when that one opens with a quotation mark (the newspaper convention). Whether
/// a straight mark opens or closes is read from the characters around it, so an apostrophe-like use ("5'10\"")
/// or a stray mark does not swallow the rest of the paragraph.
/// </summary>
internal static class QuotationMarks
{
    private static readonly SearchValues<char> MarksAndTags = SearchValues.Create("<\"“”„‟″");

    public static List<QuoteSpan> Find(string body, IReadOnlyList<(int Start, int End)> paragraphs)
    {
        var quotes = new List<QuoteSpan>();
        var open = -1;
        var depth = 0;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var (start, end) = paragraphs[p];
            var i = start;
            if (open >= 0)
            {
                if (TextTokens.IsDoubleQuote(body[start]))
                {
                    // The quotation goes on: this paragraph's opening mark belongs to it.
                    i = start + 1;
                    depth = 1;
                }
                else
                {
                    Add(quotes, body, open, -1, paragraphs[p - 1].End);
                    open = -1;
                    depth = 0;
                }
            }

            for (; i < end; i++)
            {
                // Most of a body is neither: jump to the next mark or tag.
                var skipped = body.AsSpan(i, end - i).IndexOfAny(MarksAndTags);
                if (skipped < 0)
                {
                    break;
                }
                i += skipped;
                var c = body[i];
                if (c == '<' && SkipTag(body, i, end) is var after && after > i)
                {
                    // Markup that leaked into the text (<tweet author="...">): its attribute quotes are not quotations.
                    i = after;
                    continue;
                }
                if (!TextTokens.IsDoubleQuote(c))
                {
                    continue;
                }
                var before = i > start ? body[i - 1] : ' ';
                var next = i + 1 < end ? body[i + 1] : ' ';
                var opens = (char.IsWhiteSpace(before) || IsOpeningContext(before)) && !char.IsWhiteSpace(next);
                var closes = !char.IsWhiteSpace(before) && (char.IsWhiteSpace(next) || char.IsPunctuation(next) || char.IsSymbol(next));

                if (depth == 0)
                {
                    if (opens || (c is '“' or '„' && !closes))
                    {
                        open = i;
                        depth = 1;
                    }
                    continue;
                }
                if (opens && c != '”')
                {
                    depth++;
                    continue;
                }
                if (--depth == 0)
                {
                    Add(quotes, body, open, i, i);
                    open = -1;
                }
            }

            var lastParagraph = p == paragraphs.Count - 1;
            if (open >= 0 && (lastParagraph || !TextTokens.IsDoubleQuote(body[paragraphs[p + 1].Start])))
            {
                Add(quotes, body, open, -1, end);
                open = -1;
                depth = 0;
            }
        }
        return quotes;
    }

    /// <summary>Paragraphs of a body: runs of text between blank lines, trimmed.</summary>
    public static List<(int Start, int End)> Paragraphs(string body)
    {
        var paragraphs = new List<(int, int)>();
        var i = 0;
        while (i < body.Length)
        {
            while (i < body.Length && char.IsWhiteSpace(body[i]))
            {
                i++;
            }
            if (i >= body.Length)
            {
                break;
            }
            var start = i;
            var stop = body.Length;
            for (var newline = body.IndexOf('\n', start); newline >= 0; newline = body.IndexOf('\n', newline + 1))
            {
                if (IsBlankLineAfter(body, newline))
                {
                    stop = newline;
                    break;
                }
            }
            // The paragraph's first character is not white space, so this stops there at the latest.
            var end = stop;
            while (char.IsWhiteSpace(body[end - 1]))
            {
                end--;
            }
            paragraphs.Add((start, end));
            i = stop;
        }
        return paragraphs;
    }

    private static bool IsBlankLineAfter(string body, int newline)
    {
        for (var j = newline + 1; j < body.Length; j++)
        {
            if (body[j] == '\n')
            {
                return true;
            }
            if (!char.IsWhiteSpace(body[j]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsOpeningContext(char c) => c is '(' or '[' or '{' or '—' or '–' or '-' or '/' or '‘' or '\'' or ':' or '…';

    private static int SkipTag(string body, int lt, int end)
    {
        if (lt + 1 >= end || !(char.IsLetter(body[lt + 1]) || body[lt + 1] == '/'))
        {
            return lt;
        }
        for (var j = lt + 1; j < end; j++)
        {
            if (body[j] == '>')
            {
                return j;
            }
            if (body[j] == '<')
            {
                return lt;
            }
        }
        return lt;
    }

    private static void Add(List<QuoteSpan> quotes, string body, int open, int close, int end)
    {
        var textStart = open + 1;
        var textEnd = end;
        while (textStart < textEnd && char.IsWhiteSpace(body[textStart]))
        {
            textStart++;
        }
        while (textEnd > textStart && char.IsWhiteSpace(body[textEnd - 1]))
        {
            textEnd--;
        }
        for (var k = textStart; k < textEnd; k++)
        {
            if (char.IsLetterOrDigit(body[k]))
            {
                quotes.Add(new QuoteSpan(open, close, textStart, textEnd));
                return;
            }
        }
    }
}
