using System.Globalization;
using System.Text;

namespace LlmErs;

/// <summary>Formats the per-field table of the readable summaries: left-aligned names, right-aligned numbers.</summary>
internal static class SummaryTable
{
    public static void Append(StringBuilder builder, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(headers).ToList();
        var widths = headers.Select((_, column) => all.Max(row => row[column].Length)).ToArray();
        foreach (var row in all)
        {
            builder.Append("  ");
            for (var column = 0; column < row.Count; column++)
            {
                if (column > 0)
                {
                    builder.Append("  ");
                }

                builder.Append(column < 2 ? row[column].PadRight(widths[column]) : row[column].PadLeft(widths[column]));
            }

            builder.Append('\n');
        }
    }

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Money(decimal? value) => value is { } money ? money.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";
}
