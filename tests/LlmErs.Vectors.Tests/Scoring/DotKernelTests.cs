using LlmErs.Vectors;
using Xunit;

namespace LlmErs.Vectors.Tests.Scoring;

public sealed unsafe class DotKernelTests
{
    public static TheoryData<int, int> Shapes()
    {
        var data = new TheoryData<int, int>();
        foreach (var dimension in new[] { 1, 3, 7, 8, 15, 16, 17, 31, 33, 100, 384, 385 })
        {
            foreach (var count in new[] { 0, 1, 3, 4, 5, 9 })
            {
                data.Add(count, dimension);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Score_MatchesTheScalarReference(int count, int dimension)
    {
        var rows = RandomVectors.Uniform(count, dimension, seed: (count * 1000) + dimension);
        var query = RandomVectors.Uniform(1, dimension, seed: dimension);
        var scores = new float[count];

        fixed (float* r = rows)
        fixed (float* q = query)
        fixed (float* s = scores)
        {
            DotKernels.Score(r, count, dimension, q, s);
        }

        for (var row = 0; row < count; row++)
        {
            var values = rows.AsSpan(row * dimension, dimension);
            var tolerance = 1e-6 * Reference.Magnitude(values, query);
            Assert.InRange(scores[row], Reference.Dot(values, query) - tolerance, Reference.Dot(values, query) + tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Dot_IsBitIdenticalToTheBlockedScore(int count, int dimension)
    {
        var rows = RandomVectors.Uniform(count, dimension, seed: count + dimension);
        var query = RandomVectors.Uniform(1, dimension, seed: 7);
        var scores = new float[count];

        fixed (float* r = rows)
        fixed (float* q = query)
        fixed (float* s = scores)
        {
            DotKernels.Score(r, count, dimension, q, s);
            for (var row = 0; row < count; row++)
            {
                Assert.Equal(scores[row], DotKernels.Dot(r + (row * dimension), q, dimension));
            }
        }
    }

    [Theory]
    [InlineData(1, 0, 16)]
    [InlineData(3, 5, 17)]
    [InlineData(4, 4, 384)]
    [InlineData(5, 7, 33)]
    [InlineData(9, 13, 100)]
    [InlineData(8, 3, 7)]
    public void BatchScore_IsBitIdenticalToOneQueryAtATime(int queryCount, int rowCount, int dimension)
    {
        var rows = RandomVectors.Uniform(rowCount, dimension, seed: 11);
        var queries = RandomVectors.Uniform(queryCount, dimension, seed: 12);
        var batched = new float[queryCount * rowCount];
        var single = new float[rowCount];

        fixed (float* r = rows)
        fixed (float* q = queries)
        fixed (float* b = batched)
        fixed (float* s = single)
        {
            BatchDotKernels.Score(r, rowCount, q, queryCount, dimension, b);
            for (var query = 0; query < queryCount; query++)
            {
                DotKernels.Score(r, rowCount, dimension, q + (query * dimension), s);
                Assert.Equal(single, batched.AsSpan(query * rowCount, rowCount).ToArray());
            }
        }
    }

    [Theory]
    [InlineData(0, 32)]
    [InlineData(1, 1)]
    [InlineData(3, 31)]
    [InlineData(4, 32)]
    [InlineData(5, 33)]
    [InlineData(11, 100)]
    [InlineData(9, 384)]
    public void Int8Score_EqualsTheExactIntegerDot(int count, int dimension)
    {
        var random = new Random(count + dimension);
        var rows = new byte[count * dimension];
        random.NextBytes(rows);
        var query = new sbyte[dimension];
        for (var i = 0; i < dimension; i++)
        {
            query[i] = (sbyte)random.Next(-127, 128);
        }

        // 255 · 127 twice in one pair overflows int16: where a saturating instruction would go wrong.
        if (count > 0)
        {
            rows.AsSpan(0, dimension).Fill(255);
            query.AsSpan(0, Math.Min(2, dimension)).Fill(127);
        }

        var dots = new int[count];
        fixed (byte* r = rows)
        fixed (sbyte* q = query)
        fixed (int* d = dots)
        {
            Int8Kernels.Score(r, count, dimension, q, d);
        }

        for (var row = 0; row < count; row++)
        {
            var expected = 0;
            for (var i = 0; i < dimension; i++)
            {
                expected += rows[(row * dimension) + i] * query[i];
            }

            Assert.Equal(expected, dots[row]);
        }
    }

    [Theory]
    [InlineData(0, 64)]
    [InlineData(1, 64)]
    [InlineData(3, 128)]
    [InlineData(4, 64)]
    [InlineData(9, 384)]
    public void Int4Score_EqualsTheExactIntegerDotOfTheUnpackedCodes(int count, int values)
    {
        var random = new Random(count + values);
        var rowBytes = values / 2;
        var codes = new byte[count * values];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = (byte)random.Next(16);
        }

        var query = new sbyte[values];
        for (var i = 0; i < values; i++)
        {
            query[i] = (sbyte)random.Next(-127, 128);
        }

        // The largest products where a saturating int16 sum would go wrong if the kernel summed too many pairs.
        if (count > 0)
        {
            codes.AsSpan(0, values).Fill(15);
            query.AsSpan(0, 4).Fill(127);
        }

        var packed = new byte[count * rowBytes];
        for (var row = 0; row < count; row++)
        {
            Int4Kernels.Pack(codes.AsSpan(row * values, values), packed.AsSpan(row * rowBytes, rowBytes));
        }

        var dots = new int[count];
        fixed (byte* r = packed)
        fixed (sbyte* q = query)
        fixed (int* d = dots)
        {
            Int4Kernels.Score(r, count, rowBytes, q, d);
        }

        for (var row = 0; row < count; row++)
        {
            var expected = 0;
            for (var i = 0; i < values; i++)
            {
                Assert.Equal(codes[(row * values) + i], Int4Kernels.Unpack(packed.AsSpan(row * rowBytes, rowBytes), i));
                expected += codes[(row * values) + i] * query[i];
            }

            Assert.Equal(expected, dots[row]);
        }
    }
}
