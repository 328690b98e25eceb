using Xunit;

namespace LlmErs.Vectors.Tests.IO;

/// <summary>A file written through <see cref="AtomicFile"/> appears whole or not at all.</summary>
public sealed class AtomicFileTests
{
    [Fact]
    public async Task Commit_ReplacesTheTargetAndLeavesNoTemporaryFile()
    {
        using var directory = new TempDirectory();
        var path = directory.File(Path.Combine("sub", "a.txt"));

        await AtomicFile.WriteAllBytesAsync(path, "old"u8.ToArray());
        await AtomicFile.WriteAllBytesAsync(path, "new"u8.ToArray());

        Assert.Equal("new"u8.ToArray(), await File.ReadAllBytesAsync(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task Dispose_WithoutCommit_LeavesThePreviousFileAsItWas()
    {
        using var directory = new TempDirectory();
        var path = directory.File("a.txt");
        await File.WriteAllBytesAsync(path, "old"u8.ToArray());

        await using (var file = AtomicFile.Create(path))
        {
            await file.Stream.WriteAsync("half-written"u8.ToArray());
            Assert.Equal("old"u8.ToArray(), await File.ReadAllBytesAsync(path));
        }

        Assert.Equal("old"u8.ToArray(), await File.ReadAllBytesAsync(path));
        Assert.Equal([path], Directory.GetFiles(directory.Path));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Create_WithABlankPath_Throws(string path)
    {
        var exception = Assert.Throws<ArgumentException>(() => AtomicFile.Create(path));

        Assert.Equal("path", exception.ParamName);
    }
}
