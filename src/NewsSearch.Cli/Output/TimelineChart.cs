using System.Globalization;
using System.Text;

namespace NewsSearch.Cli.Output;

/// <summary>
/// Matches per period drawn as text: columns a few lines high (the shell's "attention over time" view) or one bar
/// per line (<c>search --counts</c>). Eighth blocks give the columns 8 steps per line, so a small difference still
/// shows. Only characters, no styles: the chart reads the same on a terminal, in a pipe and with NO_COLOR.
/// </summary>
internal static class TimelineChart
{
    private const string Rising = " ▁▂▃▄▅▆▇█";
    private const string Widening = " ▏▎▍▌▋▊▉█";

    /// <summary>
    /// A column chart: <paramref name="height"/> lines of columns, the axis, and the first and last period under it.
    /// The peak count stands left of the top line, right-aligned in <paramref name="gutter"/> characters.
    /// </summary>
    public static IReadOnlyList<string> Columns(IReadOnlyList<PeriodCount> periods, int width, int height = 4, int gutter = 6)
    {
        if (periods.Count == 0)
        {
            return [];
        }
        var available = Math.Max(8, width - gutter - 2);

        // More periods than fit: each column sums several neighbours (a century by year on a narrow terminal).
        var perColumn = (periods.Count + available - 1) / available;
        var columns = periods.Chunk(perColumn).Select(chunk => chunk.Sum(p => p.Count)).ToList();
        var columnWidth = Math.Clamp(available / columns.Count, 1, 6);
        var barWidth = columnWidth == 1 ? 1 : columnWidth - 1;
        var peak = Math.Max(1, columns.Max());
        var peakText = peak.ToString("N0", CultureInfo.InvariantCulture);

        var lines = new List<string>(height + 2);
        for (var row = 0; row < height; row++)
        {
            var line = new StringBuilder();
            line.Append((row == 0 ? peakText : string.Empty).PadLeft(gutter - 1)).Append(" │");
            var floor = (height - 1 - row) * 8;
            foreach (var count in columns)
            {
                // Any match at all shows as at least the lowest step: an empty period and a quiet one must differ.
                var eighths = count == 0 ? 0 : Math.Max(1, (int)Math.Round(count * height * 8.0 / peak));
                line.Append(Rising[Math.Clamp(eighths - floor, 0, 8)], barWidth).Append(' ', columnWidth - barWidth);
            }
            lines.Add(line.ToString().TrimEnd());
        }
        var chartWidth = columns.Count * columnWidth;
        lines.Add(new string(' ', gutter) + "└" + new string('─', chartWidth));
        lines.Add(new string(' ', gutter + 1) + AxisLabels(periods[0].Label, periods[^1].Label, chartWidth, periods.Count));
        return lines;
    }

    /// <summary>One line per period: its label, its count and a bar as long as the count allows in <paramref name="width"/>.</summary>
    public static IReadOnlyList<string> Rows(IReadOnlyList<PeriodCount> periods, int width)
    {
        if (periods.Count == 0)
        {
            return [];
        }
        var peak = Math.Max(1, periods.Max(p => p.Count));
        var countWidth = peak.ToString("N0", CultureInfo.InvariantCulture).Length;
        var labelWidth = periods.Max(p => p.Label.Length);
        var barSpace = Math.Clamp(width - labelWidth - countWidth - 8, 1, 50);
        var lines = new List<string>(periods.Count);
        foreach (var period in periods)
        {
            var eighths = period.Count == 0 ? 0 : Math.Max(1, (int)Math.Round(period.Count * barSpace * 8.0 / peak));
            var bar = new string('█', eighths / 8) + (eighths % 8 == 0 ? string.Empty : Widening[eighths % 8].ToString());
            var count = period.Count.ToString("N0", CultureInfo.InvariantCulture).PadLeft(countWidth);
            lines.Add($"  {period.Label.PadRight(labelWidth)}  {count}  {bar}".TrimEnd());
        }
        return lines;
    }

    private static string AxisLabels(string first, string last, int chartWidth, int periods)
    {
        if (periods == 1)
        {
            return first;
        }
        var gap = chartWidth - first.Length - last.Length;
        return gap >= 2 ? first + new string(' ', gap) + last : $"{first} … {last}";
    }
}
