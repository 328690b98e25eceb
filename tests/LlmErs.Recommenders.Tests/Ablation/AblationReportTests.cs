using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Ablation;

public sealed class AblationReportTests(AblationRuns runs) : IClassFixture<AblationRuns>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<string> Protocols => ["leave-one-out", "cold-item"];

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Markdown_HasTwoTables_WithARowPerModel_AndAColumnPerMetric(string protocol)
    {
        var result = Result(protocol);

        var markdown = result.ToMarkdown();

        var tables = Tables(markdown);
        Assert.Equal(2, tables.Count);
        foreach (var table in tables)
        {
            // Header, separator, one line per row; every line with as many cells as the header.
            Assert.Equal(result.Rows.Count + 2, table.Count);
            Assert.Equal(["Model", "Features", "NDCG@10", "Recall@20", "HitRate@10", "AUC", "Δ NDCG@10 vs BPR (ID only)"], Cells(table[0]));
            Assert.All(table, line => Assert.Equal(7, Cells(line).Length));
            // A row a warning concerns is marked.
            Assert.Equal(
                result.Rows.Select(row => result.Warnings.Any(warning => warning.Row == row.Name) ? $"{row.Name} ⚠" : row.Name),
                table.Skip(2).Select(line => Cells(line)[0]));
        }

        var reference = Cells(tables[0].Single(line => Cells(line)[0].TrimEnd('⚠', ' ') == "BPR (ID only)"));
        Assert.Equal("0.0%", reference[^1]);
        var twoTower = Cells(tables[0].Single(line => Cells(line)[0].TrimEnd('⚠', ' ') == "Two-tower"));
        Assert.Equal(First(result, "Two-tower").ToString(), twoTower[2]);
    }

    [Fact]
    public void Markdown_NamesTheViewsOfEachProtocol()
    {
        var leaveOneOut = runs.LeaveOneOut.ToMarkdown();
        var coldItem = runs.ColdItem.ToMarkdown();

        Assert.Contains("### Overall", leaveOneOut, StringComparison.Ordinal);
        Assert.Contains("### Cold items", leaveOneOut, StringComparison.Ordinal);
        Assert.Contains("### Withheld items ranked among the withheld items", coldItem, StringComparison.Ordinal);
        Assert.Contains("### Withheld items ranked among all items", coldItem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Json_Parses_AndHoldsTheTablesAndEveryRow(string protocol)
    {
        var result = Result(protocol);

        using var json = JsonDocument.Parse(result.ToJson());

        var root = json.RootElement;
        Assert.Equal(result.Protocol.ToString(), root.GetProperty("protocol").GetString());
        Assert.Equal(["NDCG@10", "Recall@20", "HitRate@10", "AUC"], root.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()));
        var rows = root.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(result.Rows.Select(row => row.Name), rows.Select(row => row.GetProperty("name").GetString()));
        Assert.Equal(result.Rows[0].Ranking.Slices.Count, rows[0].GetProperty("ranking").GetProperty("slices").GetArrayLength());

        var table = root.GetProperty("tables")[0];
        var twoTower = table.GetProperty("rows").EnumerateArray().Single(row => row.GetProperty("name").GetString() == "Two-tower");
        var ndcg = twoTower.GetProperty("metrics").GetProperty("NDCG@10");
        var expected = First(result, "Two-tower");
        Assert.Equal(expected.Value, ndcg.GetProperty("value").GetDouble());
        Assert.Equal(expected.Lower, ndcg.GetProperty("lower").GetDouble());
        Assert.Equal(expected.Upper, ndcg.GetProperty("upper").GetDouble());
        var bpr = First(result, "BPR (ID only)").Value;
        Assert.Equal((expected.Value - bpr) / bpr, twoTower.GetProperty("relativeChange").GetDouble(), 12);

        var trained = rows.Single(row => row.GetProperty("name").GetString() == "Two-tower");
        Assert.Equal(result["Two-tower"].History!.Epochs.Count, trained.GetProperty("epochs").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("removedBlock").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void SvgChart_IsWellFormed_WithABarPerModelAndBucket(string protocol)
    {
        var result = Result(protocol);

        var svg = XDocument.Parse(result.ToSvgChart());

        Assert.Equal(Svg + "svg", svg.Root!.Name);
        var charted = result.Rows.Where(row => row.Kind != AblationRowKind.BlockRemoved).ToArray();
        var groups = result.Rows[0].Ranking.Slices.Count(slice => slice.Slice.Group is SliceGroup.Overall or SliceGroup.ItemPopularity);
        var bars = svg.Descendants(Svg + "rect").Where(rect => rect.Element(Svg + "title") is not null).ToArray();
        Assert.Equal(charted.Length * groups, bars.Length);
        Assert.All(bars, bar => Assert.True(double.Parse(bar.Attribute("height")!.Value, CultureInfo.InvariantCulture) >= 0));
        var legend = svg.Descendants(Svg + "text").Select(text => text.Value).ToHashSet();
        Assert.All(charted, row => Assert.Contains(row.Name, legend));
        Assert.DoesNotContain(legend, text => text.Contains("without", StringComparison.Ordinal));
    }

    private AblationResult Result(string protocol) => protocol == "cold-item" ? runs.ColdItem : runs.LeaveOneOut;

    /// <summary>The first table's NDCG@10 of a row.</summary>
    private static MetricEstimate First(AblationResult result, string row) =>
        (result.Protocol == SplitProtocol.ColdItem ? result[row].AmongWithheldItems! : result[row].Ranking).Overall[Metric.Ndcg(10)];

    private static List<List<string>> Tables(string markdown)
    {
        var tables = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                tables.Add(current = []);
            }

            current.Add(line);
        }

        return tables;
    }

    private static string[] Cells(string line) => [.. line.Trim('|').Split('|').Select(cell => cell.Trim())];
}
