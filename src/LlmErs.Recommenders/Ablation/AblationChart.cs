using System.Globalization;
using System.Text;

namespace LlmErs.Recommenders;

/// <summary>
/// Draws the first metric of an <see cref="AblationResult"/> as a grouped bar chart in plain SVG: one group per item
/// popularity bucket (after "overall"), one bar per baseline and enhanced variant, a whisker for its interval.
/// </summary>
internal static class AblationChart
{
    private const double Width = 760;
    private const double PlotTop = 64;
    private const double PlotHeight = 260;
    private const double PlotLeft = 64;
    private const double PlotRight = Width - 16;
    private const double LegendRowHeight = 20;
    private const int LegendColumns = 3;

    // Distinguishable for common colour-vision deficiencies (Okabe–Ito), then greys.
    private static readonly double[] RoundSteps = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

    private static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#999999", "#666666"];

    public static string Write(AblationResult result)
    {
        var metric = result.Metrics[0];
        var rows = result.Rows.Where(row => row.Kind != AblationRowKind.BlockRemoved).ToArray();
        var groups = result.Rows[0].Ranking.Slices
            .Where(slice => slice.Slice.Group is SliceGroup.Overall or SliceGroup.ItemPopularity)
            .Select(slice => slice.Slice.Name)
            .ToArray();
        var top = NiceCeiling(rows.SelectMany(row => groups.Select(group => Estimate(row, group, metric)))
            .Select(estimate => estimate.HasInterval ? Math.Max(estimate.Upper, estimate.Value) : estimate.Value)
            .Where(double.IsFinite)
            .DefaultIfEmpty(0)
            .Max());
        var legendRows = (rows.Length + LegendColumns - 1) / LegendColumns;
        var height = PlotTop + PlotHeight + 44 + (legendRows * LegendRowHeight) + 8;

        var svg = new StringBuilder();
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n");
        Append(svg, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        Append(svg, $"<text x=\"{PlotLeft}\" y=\"24\" font-size=\"16\" font-weight=\"600\">{Escape($"{metric} by item popularity")}</text>\n");
        Append(svg, $"<text x=\"{PlotLeft}\" y=\"44\" fill=\"#555555\">{Escape($"{Describe(result)}; whiskers: {result.Rows[0].Ranking.ConfidenceLevel * 100:0.#}% bootstrap intervals")}</text>\n");
        WriteAxis(svg, top);

        var groupWidth = (PlotRight - PlotLeft) / groups.Length;
        var barWidth = Math.Min(28, (groupWidth - 16) / rows.Length);
        for (var g = 0; g < groups.Length; g++)
        {
            var groupLeft = PlotLeft + (g * groupWidth) + ((groupWidth - (barWidth * rows.Length)) / 2);
            for (var r = 0; r < rows.Length; r++)
            {
                var estimate = Estimate(rows[r], groups[g], metric);
                if (!double.IsFinite(estimate.Value))
                {
                    continue;
                }

                var x = groupLeft + (r * barWidth);
                var y = Y(estimate.Value, top);
                Append(svg, $"<rect x=\"{F(x + 1)}\" y=\"{F(y)}\" width=\"{F(barWidth - 2)}\" height=\"{F(PlotTop + PlotHeight - y)}\" fill=\"{Palette[r % Palette.Length]}\">");
                Append(svg, $"<title>{Escape($"{rows[r].Name}, {groups[g]}: {estimate}")}</title></rect>\n");
                if (estimate.HasInterval)
                {
                    var centre = x + (barWidth / 2);
                    var (upper, lower) = (Y(estimate.Upper, top), Y(estimate.Lower, top));
                    Append(svg, $"<path d=\"M{F(centre)} {F(upper)}V{F(lower)}M{F(centre - 3)} {F(upper)}H{F(centre + 3)}M{F(centre - 3)} {F(lower)}H{F(centre + 3)}\" stroke=\"#333333\" fill=\"none\"/>\n");
                }
            }

            var label = GroupLabel(result.Rows[0].Ranking, groups[g]);
            Append(svg, $"<text x=\"{F(PlotLeft + ((g + 0.5) * groupWidth))}\" y=\"{F(PlotTop + PlotHeight + 18)}\" text-anchor=\"middle\">{Escape(label)}</text>\n");
        }

        var legendTop = PlotTop + PlotHeight + 44;
        var columnWidth = (PlotRight - PlotLeft) / LegendColumns;
        for (var r = 0; r < rows.Length; r++)
        {
            var x = PlotLeft + (r % LegendColumns * columnWidth);
            var y = legendTop + (r / LegendColumns * LegendRowHeight);
            Append(svg, $"<rect x=\"{F(x)}\" y=\"{F(y - 10)}\" width=\"12\" height=\"12\" fill=\"{Palette[r % Palette.Length]}\"/>");
            Append(svg, $"<text x=\"{F(x + 18)}\" y=\"{F(y)}\">{Escape(rows[r].Name)}</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void WriteAxis(StringBuilder svg, double top)
    {
        const int Ticks = 5;
        for (var t = 0; t <= Ticks; t++)
        {
            var value = top * t / Ticks;
            var y = Y(value, top);
            Append(svg, $"<line x1=\"{PlotLeft}\" x2=\"{PlotRight}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"{(t == 0 ? "#333333" : "#e5e5e5")}\"/>");
            Append(svg, $"<text x=\"{PlotLeft - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{value.ToString("0.###", CultureInfo.InvariantCulture)}</text>\n");
        }
    }

    private static MetricEstimate Estimate(AblationRow row, string group, Metric metric) =>
        (group == Slice.OverallName ? row.Ranking.Overall : row.Ranking.FindSlice(SliceGroup.ItemPopularity, group)) is { } slice
            ? slice[metric]
            : new MetricEstimate(double.NaN, double.NaN, double.NaN);

    private static string GroupLabel(EvaluationResult evaluation, string group)
    {
        var slice = group == Slice.OverallName ? evaluation.Overall : evaluation.FindSlice(SliceGroup.ItemPopularity, group)!;
        return string.Create(CultureInfo.InvariantCulture, $"{group} ({slice.TestCaseCount:N0} cases)");
    }

    private static string Describe(AblationResult result) => result.Protocol switch
    {
        SplitProtocol.ColdItem => "cold-item split, all items ranked",
        SplitProtocol.LeaveOneOut => "leave-one-out split, full ranking",
        var protocol => $"{protocol} split, full ranking",
    };

    /// <summary>The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ) at or above <paramref name="value"/>: the bars fill most of the plot and the ticks stay short.</summary>
    private static double NiceCeiling(double value)
    {
        if (!(value > 0))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in RoundSteps)
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static double Y(double value, double top) => PlotTop + PlotHeight - (PlotHeight * Math.Clamp(value / top, 0, 1));

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static void Append(StringBuilder svg, FormattableString value) => svg.Append(value.ToString(CultureInfo.InvariantCulture));
}
