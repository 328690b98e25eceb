using System.IO.Compression;
using System.Text;
using LlmErs.Recommenders;
using Xunit;

namespace LlmErs.Recommenders.Tests.Data;

public sealed class CompressedInteractionFileTests
{
    private static void WriteGzip(string path, byte[] content)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(content);
    }

    [Fact]
    public void JsonLines_and_csv_are_decompressed_by_their_first_bytes_whatever_the_name()
    {
        using var folder = new TempDirectory();
        var json = folder.File("events.jsonl");
        var csv = folder.File("events.csv");
        WriteGzip(json, [.. Encoding.UTF8.Preamble, .. "{\"user_id\":1,\"item_id\":\"a\",\"timestamp\":3}\r\n{\"user_id\":2,\"item_id\":\"b\",\"timestamp\":4}\r\n"u8]);
        WriteGzip(csv, "user_id,item_id,timestamp\r\n1,a,3\r\n2,b,4\r\n"u8.ToArray());

        foreach (var log in new[] { InteractionFileLoader.LoadJsonLines(json), InteractionFileLoader.LoadCsv(csv) })
        {
            Assert.Equal(["1", "2"], log.UserIds.Keys);
            Assert.Equal(["a", "b"], log.ItemIds.Keys);
        }
    }

    [Fact]
    public void Compressed_bytes_read_as_text_say_the_data_is_compressed()
    {
        var text = new StringReader("\u001F\uFFFD\b\0garbage\n");

        var error = Assert.Throws<DataFormatException>(() => InteractionFileLoader.LoadJsonLines(text, "events.jsonl.gz"));

        Assert.Contains("gzip-compressed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("invalid start of a value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_is_not_utf8_is_named()
    {
        using var folder = new TempDirectory();
        var path = folder.File("events.csv");
        File.WriteAllBytes(path, [.. "user_id,item_id\n1,a\n"u8, .. "2,"u8, 0xFF, .. "\n"u8]);

        var error = Assert.Throws<DataFormatException>(() => InteractionFileLoader.LoadCsv(path, new InteractionFileOptions { TimestampColumn = null }));

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }
}
