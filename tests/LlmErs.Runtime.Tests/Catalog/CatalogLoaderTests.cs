using LlmErs;
using Parquet;
using Parquet.Schema;
using Xunit;
using static LlmErs.Runtime.Tests.Catalog.DirtyCatalogFile;

namespace LlmErs.Runtime.Tests.Catalog;

public sealed class CatalogLoaderTests : IDisposable
{
    private const string UnterminatedTag = "<span class=\\\"a-size-medium a-color-secondary\\\"";

    private readonly DirtyCatalogFile _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>
    /// Line 1: HTML, an entity and an unterminated tag; 2: spaces, an escaped entity, a control character; 3: invalid
    /// UTF-8; 4: B1 again, with a brand and another price; 5: not JSON; 6: blank; 7: no title; 8: B2 again, equal once clean.
    /// </summary>
    private string DirtyJsonLines(string name, int gzip = 1) => _files.Write(name,
    [
        Utf8("{\"asin\":\"B1\",\"title\":\"<b>Computer</b> Shopper &amp; Monthly " + UnterminatedTag + "\",\"brand\":null,\"description\":\"<p>The <i>PC</i> magazine.</p>\",\"price\":4.99}"),
        Utf8("{\"asin\":\"B2\",\"title\":\"Photo  Weekly\",\"brand\":\"Lens&amp;Co\",\"description\":\"Cameras\\u0007 and lenses\"}"),
        [.. Utf8("{\"asin\":\"B3\",\"title\":\"Bad "), 0xC3, 0x28, .. Utf8(" title\"}")],
        Utf8("{\"asin\":\"B1\",\"title\":\"Computer Shopper & Monthly\",\"brand\":\"Future\",\"price\":5.49}"),
        Utf8("this is not json"),
        [],
        Utf8("{\"asin\":\"B4\"}"),
        Utf8("{\"asin\":\"B2\",\"title\":\"Photo Weekly\",\"brand\":\"Lens&Co\",\"description\":\"Cameras and lenses\"}"),
    ], bom: true, gzip: gzip);

    private static CatalogLoadOptions Options(DuplicateKeyPolicy duplicates, InvalidRowPolicy invalid = InvalidRowPolicy.Skip) =>
        new() { Duplicates = duplicates, InvalidRows = invalid };

    [Fact]
    public async Task A_dirty_gzip_catalog_is_cleaned_merged_and_reported_line_by_line()
    {
        // No extension: gzip and JSON Lines are recognized by the content.
        var path = DirtyJsonLines("products");

        var (items, report) = await CatalogLoader.LoadAsync(path, ProductJson.Default.Product, Options(DuplicateKeyPolicy.MergeNonNull));

        Assert.Equal(["B1", "B2"], items.Select(p => p.Asin));
        var b1 = items[0];
        Assert.Equal("Computer Shopper & Monthly", b1.Title);
        Assert.Equal("The PC magazine.", b1.Description);
        Assert.Equal("Future", b1.Brand);
        Assert.Equal(4.99, b1.Price);
        Assert.Equal(("Photo Weekly", "Lens&Co", "Cameras and lenses"), (items[1].Title, items[1].Brand, items[1].Description));

        Assert.True(report.Compressed);
        Assert.Equal(CatalogFormat.JsonLines, report.Format);
        Assert.Equal(7, report.Rows);
        Assert.Equal(2, report.Items);
        Assert.Equal(2, report.DuplicateRows);
        Assert.Equal([3, 5, 7], report.SkippedRows.Select(row => row.LineNumber));
        Assert.Contains("not valid UTF-8", report.SkippedRows[0].Problem, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", report.SkippedRows[1].Problem, StringComparison.Ordinal);
        Assert.Contains("title", report.SkippedRows[2].Problem, StringComparison.Ordinal);

        var duplicate = report.Duplicates[0];
        Assert.Equal("B1", duplicate.Key);
        Assert.Equal([1, 4], duplicate.LineNumbers);
        var conflict = Assert.Single(duplicate.Conflicts);
        Assert.Equal("price", conflict.Member);
        Assert.Equal([new CatalogValue(1, "4.99"), new CatalogValue(4, "5.49")], conflict.Values);
        Assert.Equal("B2", report.Duplicates[1].Key);
        Assert.Equal([2, 8], report.Duplicates[1].LineNumbers);
        Assert.Empty(report.Duplicates[1].Conflicts);
        Assert.Contains("key 'B1', member 'price': line 1 4.99, line 4 5.49", report.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DuplicateKeyPolicy.KeepFirst, null, 4.99, "The PC magazine.")]
    [InlineData(DuplicateKeyPolicy.KeepLast, "Future", 5.49, null)]
    public async Task First_or_last_keeps_one_row_whole(DuplicateKeyPolicy policy, string? brand, double price, string? description)
    {
        var (items, report) = await CatalogLoader.LoadAsync(DirtyJsonLines("products.jsonl.gz"), ProductJson.Default.Product, Options(policy));

        Assert.Equal((brand, price, description), (items[0].Brand, items[0].Price, items[0].Description));
        Assert.Equal(policy, report.DuplicatePolicy);
    }

    [Fact]
    public async Task By_default_the_first_bad_row_fails_naming_the_file_and_line()
    {
        var path = DirtyJsonLines("products.jsonl.gz");

        var error = await Assert.ThrowsAsync<CatalogFormatException>(() => CatalogLoader.LoadAsync(path, ProductJson.Default.Product));

        Assert.Equal((path, 3), (error.Path, error.LineNumber));
        Assert.StartsWith($"{path}, line 3: The line is not valid UTF-8 (in the decompressed content of this gzip file).", error.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidRowPolicy.Skip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_its_member()
    {
        var path = _files.Write("typed.jsonl", [Utf8("{\"asin\":\"B1\",\"title\":\"T\"}"), Utf8("{\"asin\":\"B2\",\"title\":\"T\",\"price\":\"cheap\"}")]);

        var error = await Assert.ThrowsAsync<CatalogFormatException>(() => CatalogLoader.LoadAsync(path, ProductJson.Default.Product));

        Assert.Equal((2, "price"), (error.LineNumber, error.Member));
        Assert.Contains("Product", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_compressed_twice_says_so_never_the_raw_json_error()
    {
        var path = DirtyJsonLines("products.jsonl.gz", gzip: 2);

        var error = await Assert.ThrowsAsync<CatalogFormatException>(() => CatalogLoader.LoadAsync(path, ProductJson.Default.Product));

        Assert.Contains("compressed twice", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("invalid start of a value", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public async Task A_corrupt_gzip_file_says_it_does_not_decompress()
    {
        var path = _files.PathOf("broken.gz");
        File.WriteAllBytes(path, [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);

        var error = await Assert.ThrowsAsync<CatalogFormatException>(() => CatalogLoader.LoadAsync(path, ProductJson.Default.Product, Options(DuplicateKeyPolicy.KeepFirst)));

        Assert.Contains("starts like a gzip file but does not decompress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_with_a_bom_crlf_quoted_html_and_typed_columns()
    {
        var path = _files.Write("products.csv",
        [
            Utf8("asin,title,brand,price"),
            Utf8("B1,\"<b>Disk</b>, &quot;Pro&quot;\",Acme,12.5"),
            Utf8("B2,Plain,,3"),
            Utf8("B1,Disk Pro,Acme,13"),
        ], bom: true);

        var (items, report) = await CatalogLoader.LoadAsync(path, ProductJson.Default.Product);

        Assert.Equal(CatalogFormat.Csv, report.Format);
        Assert.Equal(("Disk, \"Pro\"", "Acme", 12.5), (items[0].Title, items[0].Brand, items[0].Price));
        Assert.Equal(("Plain", null, 3.0), (items[1].Title, items[1].Brand, items[1].Price));
        var duplicate = Assert.Single(report.Duplicates);
        Assert.Equal([2, 4], duplicate.LineNumbers);
        Assert.Equal(["title", "price"], duplicate.Conflicts.Select(conflict => conflict.Member));
    }

    [Fact]
    public async Task Parquet_rows_become_the_same_typed_items()
    {
        var path = _files.PathOf("products.bin");
        var asin = new DataField<string>("asin");
        var title = new DataField<string>("title");
        var price = new DataField<double?>("price");
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(asin, title, price), stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(asin, new[] { "B1", "B2", "B1" }, null);
            await group.WriteAsync(title, new[] { "<i>Camera</i> &amp; Lens", "Tripod", "Camera & Lens" }, null);
            await group.WriteAsync<double>(price, new double?[] { 10, null, 11 }, null, null, default);
        }

        var (items, report) = await CatalogLoader.LoadAsync(path, ProductJson.Default.Product);

        Assert.Equal(CatalogFormat.Parquet, report.Format);
        Assert.Equal([("B1", "Camera & Lens", (double?)10), ("B2", "Tripod", null)], items.Select(p => (p.Asin, p.Title, p.Price)));
        Assert.Equal([1, 3], Assert.Single(report.Duplicates).LineNumbers);
    }

    [Fact]
    public async Task Members_can_opt_out_of_cleaning()
    {
        var path = _files.Write("codes.jsonl", [Utf8("{\"asin\":\"B1\",\"title\":\"<b>A</b>\",\"brand\":\"<b>A</b>\"}")]);
        var options = new CatalogLoadOptions();
        options.Cleaning.Members["brand"] = CleanText.None;

        var (items, report) = await CatalogLoader.LoadAsync(path, ProductJson.Default.Product, options);

        Assert.Equal(("A", "<b>A</b>"), (items[0].Title, items[0].Brand));
        Assert.Equal(1, report.CleanedValues);
    }
}
