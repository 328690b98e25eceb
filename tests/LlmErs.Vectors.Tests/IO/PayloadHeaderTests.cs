using Xunit;

namespace LlmErs.Vectors.Tests.IO;

/// <summary>The one header check behind the vector store, the seen-items file and the model file.</summary>
public sealed class PayloadHeaderTests
{
    private static readonly PayloadFormat Format = new("test file", "LLMERSTT"u8.ToArray(), Version: 3, "Write it again.");

    [Fact]
    public void Commit_ReturnsTheLengthAndChecksumTheHeaderHolds()
    {
        using var directory = new TempDirectory();
        var path = directory.File("a.bin");

        var stamp = Write(path, [1, 2, 3]);

        using var file = MappedFile.Open(path);
        PayloadHeader.Read(file, Format, verifyChecksum: true, expected: stamp);
        Assert.Equal(new FileInfo(path).Length, stamp.Bytes);
        Assert.Equal(Convert.ToHexStringLower(File.ReadAllBytes(path).AsSpan(PayloadHeader.ChecksumOffset, PayloadChecksum.Size)), stamp.Checksum);
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("version")]
    [InlineData("truncated")]
    [InlineData("checksum")]
    [InlineData("another export")]
    public void Read_OfABadFile_NamesTheFileAndTheProblem(string problem)
    {
        using var directory = new TempDirectory();
        var path = directory.File("bad.bin");
        var stamp = Write(path, [1, 2, 3, 4]);
        var bytes = File.ReadAllBytes(path);
        switch (problem)
        {
            case "signature":
                bytes[0] = (byte)'X';
                break;
            case "version":
                bytes[8] = 9;
                break;
            case "truncated":
                bytes = bytes[..^1];
                break;
            case "checksum":
                bytes[^1] ^= 1;
                break;
        }

        File.WriteAllBytes(path, bytes);
        var expected = problem == "another export" ? stamp with { Checksum = new string('0', 32) } : null;

        using var file = MappedFile.Open(path);
        var error = Assert.Throws<InvalidDataException>(() => PayloadHeader.Read(file, Format, verifyChecksum: true, expected));

        Assert.Contains(path, error.Message);
        Assert.Contains(problem == "version" ? "format version 9; this library reads version 3" : problem, error.Message);
    }

    private static PayloadStamp Write(string path, byte[] payload)
    {
        using var writer = new PayloadWriter(path, PayloadHeader.Size);
        writer.Write(payload);
        return PayloadHeader.Commit(writer, PayloadHeader.Create(Format));
    }
}
