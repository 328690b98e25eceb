using Xunit;

namespace LlmErs.Recommenders.Tests.Features;

public sealed class SemanticIdFeaturesTests
{
    [Fact]
    public void Codes_AreAOneHotPerLevel_WithoutTheDeduplicationCode()
    {
        SemanticId[] ids = [new([2, 0]), new([2, 1, 5]), default];

        using var block = FieldFeatures.SemanticIdCodes(ids, levels: 2, codes: 3);

        Assert.Equal(["Sid[0]=0", "Sid[0]=1", "Sid[0]=2", "Sid[1]=0", "Sid[1]=1", "Sid[1]=2"], block.ColumnNames);
        Assert.Equal([0f, 0, 1, 1, 0, 0], block.Values.GetRow(0).ToArray());
        Assert.Equal([0f, 0, 1, 0, 1, 0], block.Values.GetRow(1).ToArray());
        Assert.Equal([0f, 0, 0, 0, 0, 0], block.Values.GetRow(2).ToArray());
    }

    [Fact]
    public void ACodeOutsideTheCodebook_IsRejectedNamingTheItem()
    {
        SemanticId[] ids = [new([1, 0]), new([1, 4])];

        var error = Assert.Throws<InvalidOperationException>(() => FieldFeatures.SemanticIdCodes(ids, levels: 2, codes: 3));

        Assert.Contains("Item 1 has code 4 at level 1", error.Message);
    }
}
