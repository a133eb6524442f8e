using System.Globalization;

namespace NewsSearch.Cli.Output;

/// <summary>A hit's score explanation as short lines a person can read: one line per matched part, largest first.</summary>
internal static class ExplanationText
{
    public static IEnumerable<string> Lines(ScoreExplanation explanation)
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"score {explanation.Score:0.00} =");
        foreach (var part in explanation.Contributions)
        {
            var text = part.Kind switch
            {
                ContributionKind.Proximity => $"\"{part.Text}\" close together",
                ContributionKind.Lead => $"{part.Text} in the first words",
                ContributionKind.Feedback => $"{part.Text} (feedback word)",
                _ when part.Field is "" or "body" => part.Text,
                _ => $"{part.Field}:{part.Text}",
            };
            var details = new List<string>();
            if (part.Frequency is { } frequency && part.Kind is not ContributionKind.Lead)
            {
                details.Add(part.Kind is ContributionKind.Term or ContributionKind.Feedback
                    ? string.Create(CultureInfo.InvariantCulture, $"{frequency:0.#}× here")
                    : string.Create(CultureInfo.InvariantCulture, $"closeness {frequency:0.##}"));
            }
            if (part.ArticlesWithIt is { } articles)
            {
                details.Add(string.Create(CultureInfo.InvariantCulture, $"in {articles:N0} article{(articles == 1 ? "" : "s")}"));
            }
            var suffix = details.Count > 0 ? "  (" + string.Join(", ", details) + ")" : string.Empty;
            yield return string.Create(CultureInfo.InvariantCulture, $"  {part.Score,6:0.00}  {text}{suffix}");
        }
    }
}
