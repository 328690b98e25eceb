using System.Globalization;
using System.Net;
using System.Text;

namespace LlmErs;

/// <summary>The report's small inline SVG charts: horizontal bars of PSI per field, and old-vs-new histograms.</summary>
internal static class DriftSvg
{
    private const string OldColor = "#8da0cb", NewColor = "#fc8d62", WarnColor = "#e6ab02", AlertColor = "#d95f02", OkColor = "#66a61e";

    /// <summary>One bar per field with a PSI, with the warn and alert thresholds as dashed lines.</summary>
    public static string PsiBars(IReadOnlyList<(string Field, double Psi, DriftSeverity Severity)> bars, DriftOptions thresholds)
    {
        const int Row = 22, Label = 160, Width = 320;
        var max = Math.Max(thresholds.PsiAlert * 1.2, bars.Select(b => b.Psi).DefaultIfEmpty().Max());
        var svg = Open(Label + Width + 60, Row * bars.Count + 20);
        for (var i = 0; i < bars.Count; i++)
        {
            var (field, psi, severity) = bars[i];
            var y = i * Row;
            svg.Append(CultureInfo.InvariantCulture, $"<text x='{Label - 6}' y='{y + 15}' text-anchor='end'>{Escape(field)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x='{Label}' y='{y + 4}' width='{Math.Max(1, Width * psi / max):0.#}' height='14' fill='{Color(severity)}'/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x='{Label + Width * psi / max + 4:0.#}' y='{y + 15}'>{psi:0.000}</text>");
        }

        foreach (var (value, name) in new[] { (thresholds.PsiWarn, "warn"), (thresholds.PsiAlert, "alert") })
        {
            var x = Label + Width * value / max;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1='{x:0.#}' y1='0' x2='{x:0.#}' y2='{Row * bars.Count}' stroke='#999' stroke-dasharray='3,3'/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x='{x:0.#}' y='{Row * bars.Count + 14}' text-anchor='middle' fill='#666'>{name} {value}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Paired bars per bucket: the old run's share, then the new run's.</summary>
    public static string Histogram(DriftHistogram histogram)
    {
        const int Height = 120, BarWidth = 10, Gap = 8, Bottom = 70;
        var max = Math.Max(1e-9, histogram.Old.Concat(histogram.New).DefaultIfEmpty().Max());
        var group = 2 * BarWidth + Gap;
        var svg = Open(Math.Max(200, group * histogram.Buckets.Count + 20), Height + Bottom);
        for (var i = 0; i < histogram.Buckets.Count; i++)
        {
            var x = 10 + i * group;
            svg.Append(Bar(x, histogram.Old[i], OldColor)).Append(Bar(x + BarWidth, histogram.New[i], NewColor));
            svg.Append(CultureInfo.InvariantCulture, $"<text transform='translate({x + BarWidth},{Height + 6}) rotate(45)' font-size='10'>{Escape(histogram.Buckets[i])}</text>");
        }

        return svg.Append("</svg>").ToString();

        string Bar(int x, double share, string color)
        {
            var h = Height * share / max;
            return string.Create(CultureInfo.InvariantCulture, $"<rect x='{x}' y='{Height - h:0.#}' width='{BarWidth}' height='{h:0.#}' fill='{color}'><title>{share:P1}</title></rect>");
        }
    }

    /// <summary>The legend's colour for the old and the new run.</summary>
    public static string Legend() =>
        $"<span style='color:{OldColor}'>■</span> old run <span style='color:{NewColor}'>■</span> new run";

    public static string Color(DriftSeverity severity) => severity switch
    {
        DriftSeverity.None => OkColor,
        DriftSeverity.Warn => WarnColor,
        _ => AlertColor,
    };

    private static StringBuilder Open(int width, int height) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' font-family='sans-serif' font-size='12'>");

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
