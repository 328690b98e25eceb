using System.IO.Compression;
using System.Text;

namespace LlmErs.Runtime.Tests.Catalog;

/// <summary>Writes catalog files of raw lines (bytes, so a test can put invalid UTF-8, a BOM and CRLF where it wants) to a temporary folder.</summary>
internal sealed class DirtyCatalogFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("llmers-catalog-").FullName;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The lines joined with CRLF, optionally behind a BOM and gzip-compressed (once or twice).</summary>
    public string Write(string name, IEnumerable<byte[]> lines, bool bom = false, int gzip = 0)
    {
        var content = new MemoryStream();
        if (bom)
        {
            content.Write(Encoding.UTF8.Preamble);
        }

        foreach (var line in lines)
        {
            content.Write(line);
            content.Write("\r\n"u8);
        }

        var bytes = content.ToArray();
        for (var i = 0; i < gzip; i++)
        {
            bytes = Compress(bytes);
        }

        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string PathOf(string name) => Path.Combine(_directory, name);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static byte[] Compress(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
