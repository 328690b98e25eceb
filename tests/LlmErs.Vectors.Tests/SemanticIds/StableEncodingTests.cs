using LlmErs.Vectors;
using Xunit;

namespace LlmErs.Vectors.Tests.SemanticIds;

public sealed class StableEncodingTests : IDisposable
{
    // Few codes for many items, so tuples collide and de-duplication codes depend on the order items arrive in.
    private readonly VectorMatrix _vectors = VectorMatrix.Create(RandomVectors.Uniform(200, 8, seed: 5), 8);
    private readonly SemanticIdCodebook _codebook;

    public StableEncodingTests() =>
        _codebook = RqKMeans.Train(_vectors, new RqKMeansOptions { Levels = 2, Codes = 4, Seed = 3 });

    public void Dispose() => _vectors.Dispose();

    [Fact]
    public void ReEncodingUnchangedVectors_InAnotherOrder_KeepsEveryId_DeduplicationCodesIncluded()
    {
        var before = _codebook.EncodeAll(_vectors).Ids;
        int[] order = [.. Enumerable.Range(0, _vectors.Count).Reverse()];
        using var reversed = Rows(order);

        var fresh = _codebook.EncodeAll(reversed).Ids;
        var kept = _codebook.EncodeAll(reversed, [.. order.Select(row => before[row])], []).Ids;

        Assert.NotEqual(order.Select(row => before[row]), fresh);
        Assert.Equal(order.Select(row => before[row]), kept);
    }

    [Fact]
    public void NewRows_GetIdsThatRepeatNoKeptOrRetiredId_AndAnItemWhoseCodesChanged_GetsANewOne()
    {
        var before = _codebook.EncodeAll(_vectors).Ids;
        // Rows 0–149 return, row 0 re-embedded with the vector of a row of other codes; rows 150–199 are retired.
        var codes = _codebook.Encode(_vectors.GetRow(0));
        var other = Enumerable.Range(1, 199).First(row => !_codebook.Encode(_vectors.GetRow(row)).SequenceEqual(codes));
        using var changed = Rows([other, .. Enumerable.Range(1, 149)]);
        using var withNew = Concat(changed, RandomVectors.Uniform(40, 8, seed: 9));

        var after = _codebook.EncodeAll(withNew, [.. before.Take(150)], before.Skip(150), DeduplicationMode.OnCollision).Ids;

        Assert.Equal(before.Skip(1).Take(149), after.Skip(1).Take(149));
        Assert.DoesNotContain(after[0], before);
        Assert.Equal(after.Count, after.Distinct().Count());
        Assert.Empty(after.Intersect(before.Skip(150)));
        Assert.Empty(after.Skip(150).Intersect(before));
    }

    [Fact]
    public void TwoRowsClaimingOneEarlierId_IsAnError()
    {
        var before = _codebook.EncodeAll(_vectors).Ids;
        using var twice = Rows([0, 0]);

        var error = Assert.Throws<ArgumentException>(() => _codebook.EncodeAll(twice, [before[0], before[0]], []));

        Assert.Contains($"'{before[0]}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 4, 2)]
    [InlineData(5, 4, 5)]
    [InlineData(100, 4, 16)]
    [InlineData(1_500, 4, 32)]
    [InlineData(9_742, 4, 32)]
    [InlineData(100_000, 4, 64)]
    public void TheDefaultSize_OffersTuplesPerItem_AndNoMoreCodesThanItems(int items, int levels, int codes)
    {
        var size = SemanticIdSize.ForCatalog(items);

        Assert.Equal(new SemanticIdSize(levels, codes), size);
        Assert.True(items < 2 || Math.Pow(size.Codes, size.Levels) >= (double)items * SemanticIdSize.TuplesPerItem || size.Codes == items);
        Assert.True(size.Codes == 2 || Math.Pow(size.Codes / 2, size.Levels) < (double)items * SemanticIdSize.TuplesPerItem);
    }

    [Fact]
    public void AGivenSizeIsKept_ButNeverMoreCodesThanItems()
    {
        Assert.Equal(new SemanticIdSize(2, 16), SemanticIdSize.ForCatalog(1_000, 2, 16));
        Assert.Equal(new SemanticIdSize(4, 16), SemanticIdSize.ForCatalog(1_000, 4));
        Assert.Equal(new SemanticIdSize(3, 5), SemanticIdSize.ForCatalog(5, 3, 256));
        Assert.Throws<ArgumentOutOfRangeException>(() => SemanticIdSize.ForCatalog(10, 17));
    }

    private VectorMatrix Rows(int[] rows)
    {
        var values = new float[rows.Length * _vectors.Dimension];
        for (var i = 0; i < rows.Length; i++)
        {
            _vectors.GetRow(rows[i]).CopyTo(values.AsSpan(i * _vectors.Dimension));
        }

        return VectorMatrix.Create(values, _vectors.Dimension);
    }

    private static VectorMatrix Concat(VectorMatrix first, float[] more)
    {
        var values = new float[(first.Count * first.Dimension) + more.Length];
        for (var i = 0; i < first.Count; i++)
        {
            first.GetRow(i).CopyTo(values.AsSpan(i * first.Dimension));
        }

        more.CopyTo(values.AsSpan(first.Count * first.Dimension));
        return VectorMatrix.Create(values, first.Dimension);
    }
}
