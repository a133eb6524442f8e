using Spectre.Console;

namespace NewsSearch.Cli.Output;

/// <summary>One whole article as text (<c>show</c>, the shell's <c>:open</c>): its fields, a blank line, the body.</summary>
internal static class ArticleText
{
    /// <summary>Writes the article; the spans (found in the raw title and body) are marked as matches.</summary>
    public static void Write(IAnsiConsole console, IndexedArticle found, bool styled,
        IReadOnlyList<TextSpan>? titleMatches = null, IReadOnlyList<TextSpan>? bodyMatches = null)
    {
        var article = found.Article;
        void Field(string name, string? value, IReadOnlyList<TextSpan>? matches = null)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                console.MarkupLine($"[bold]{name,-9}[/] {MatchMarkup.Mark(value, matches ?? [], styled)}");
            }
        }
        Field("id", article.Id);
        Field("title", article.Title, titleMatches);
        Field("date", JsonOutput.Day(article.Date) ?? "undated");
        Field("dateline", article.Dateline);
        Field("speakers", string.Join(", ", found.Speakers));
        Field("source", article.Source);
        console.WriteLine();
        console.MarkupLine(MatchMarkup.Mark(article.Body, bodyMatches ?? [], styled, keepLineBreaks: true));
    }
}
