using Xunit;

namespace LlmErs.Vectors.Tests.Serving;

public sealed class SeenItemsTests
{
    [Fact]
    public void RowsOf_ReturnsEachUsersRowsAscending_AsWritten()
    {
        using var directory = new TempDirectory();
        var path = directory.File("seen.bin");
        var stamp = SeenItems.Write(path, [0, 2, 2, 5], [3, 7, 1, 4, 9], itemCount: 10);

        var seen = SeenItems.Open(path, userCount: 3, itemCount: 10, verifyChecksum: true, stamp);

        Assert.Equal([3, 7], seen.RowsOf(0).ToArray());
        Assert.Empty(seen.RowsOf(1).ToArray());
        Assert.Equal([1, 4, 9], seen.RowsOf(2).ToArray());
    }

    [Fact]
    public void Open_OfRowsOutOfOrder_NamesTheFileAndTheUser()
    {
        // Serving looks rows up by binary search; an unsorted user would let seen items through.
        using var directory = new TempDirectory();
        var path = directory.File("seen.bin");
        SeenItems.Write(path, [0, 2, 4], [1, 2, 6, 5], itemCount: 10);

        var error = Assert.Throws<InvalidDataException>(() => SeenItems.Open(path, userCount: 2, itemCount: 10, verifyChecksum: true));

        Assert.Contains(path, error.Message);
        Assert.Contains("user row 1", error.Message);
    }
}
