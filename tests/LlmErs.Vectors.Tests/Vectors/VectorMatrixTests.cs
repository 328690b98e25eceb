using LlmErs.Vectors;
using Xunit;

namespace LlmErs.Vectors.Tests.Vectors;

public sealed class VectorMatrixTests
{
    [Fact]
    public void Create_CopiesRowsIntoAlignedMemory()
    {
        using var matrix = VectorMatrix.Create([1f, 2f, 3f, 4f, 5f, 6f], dimension: 3);

        Assert.Equal(2, matrix.Count);
        Assert.Equal([4f, 5f, 6f], matrix.GetRow(1).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix.GetRow(2));
    }

    [Fact]
    public void Create_RejectsPartialRows()
    {
        Assert.Throws<ArgumentException>(() => VectorMatrix.Create([1f, 2f, 3f], dimension: 2));
    }

    [Fact]
    public void DisposedMatrix_ThrowsInsteadOfReadingFreedMemory()
    {
        var matrix = VectorMatrix.Create([1f, 2f], dimension: 2);
        matrix.Dispose();

        Assert.Throws<ObjectDisposedException>(() => matrix.GetRow(0).ToArray());
    }

    [Fact]
    public void Normalize_GivesUnitNorm_AndLeavesZeroVectorsAlone()
    {
        float[] vector = [3f, 4f];
        Assert.Equal(5f, VectorMath.Normalize(vector));
        Assert.Equal([0.6f, 0.8f], vector);

        float[] zero = [0f, 0f];
        Assert.Equal(0f, VectorMath.Normalize(zero));
        Assert.Equal([0f, 0f], zero);

        var destination = new float[2];
        VectorMath.Normalize([0f, 2f], destination);
        Assert.Equal([0f, 1f], destination);
    }
}
