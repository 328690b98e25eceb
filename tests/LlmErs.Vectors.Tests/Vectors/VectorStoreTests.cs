using System.Numerics.Tensors;
using LlmErs.Vectors;
using Xunit;

namespace LlmErs.Vectors.Tests.Vectors;

public sealed unsafe class VectorStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static VectorStore BuildStore(int count, int dimension, bool normalize = false, string modelId = "test-model")
    {
        var values = RandomVectors.Uniform(count, dimension, seed: count + dimension);
        using var builder = new VectorStoreBuilder(modelId, dimension) { NormalizeRows = normalize };
        for (var i = 0; i < count; i++)
        {
            builder.Add($"item-{i}", values.AsSpan(i * dimension, dimension));
        }

        return builder.Build();
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 1)]
    [InlineData(37, 17)]
    [InlineData(300, 384)]
    public void SavedStore_OpensMemoryMapped_WithTheSameIdsAndVectors(int count, int dimension)
    {
        var path = _directory.File("store.vec");
        using var built = BuildStore(count, dimension);
        built.Save(path);

        using var opened = VectorStore.Open(path);

        Assert.Equal("test-model", opened.ModelId);
        Assert.Equal(dimension, opened.Dimension);
        Assert.Equal(built.Ids, opened.Ids);
        Assert.True(built.Vectors.Values.SequenceEqual(opened.Vectors.Values));
        Assert.Equal(Path.GetFullPath(path), opened.Path);
        Assert.Equal(0, (long)opened.Vectors.Pointer % 64);
        Assert.Equal(0, (long)built.Vectors.Pointer % 64);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i, opened.IndexOf($"item-{i}"));
        }
    }

    [Fact]
    public void Saving_TheSameStoreTwice_GivesTheSameBytes()
    {
        using var store = BuildStore(50, 9);
        store.Save(_directory.File("a.vec"));
        store.Save(_directory.File("b.vec"));

        Assert.Equal(File.ReadAllBytes(_directory.File("a.vec")), File.ReadAllBytes(_directory.File("b.vec")));
    }

    [Theory]
    [InlineData(200)]   // inside the id section
    [InlineData(-5)]    // inside the vectors, counted from the end
    public void FlippedByte_FailsTheChecksum_WithAnErrorNamingTheFile(int offset)
    {
        var path = _directory.File("corrupt.vec");
        using (var store = BuildStore(100, 16))
        {
            store.Save(path);
        }

        var bytes = File.ReadAllBytes(path);
        bytes[offset >= 0 ? offset : bytes.Length + offset] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => VectorStore.Open(path));
        Assert.Contains(Path.GetFullPath(path), error.Message);
        Assert.Contains("checksum", error.Message);
    }

    [Fact]
    public void SkippingTheChecksum_OpensAFileWithAFlippedVectorByte()
    {
        var path = _directory.File("unchecked.vec");
        using (var store = BuildStore(10, 4))
        {
            store.Save(path);
        }

        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        using var opened = VectorStore.Open(path, new VectorStoreOpenOptions { VerifyChecksum = false });
        Assert.Equal(10, opened.Count);
    }

    [Fact]
    public void TruncatedFile_IsReportedAsTruncated()
    {
        var path = _directory.File("truncated.vec");
        using (var store = BuildStore(10, 4))
        {
            store.Save(path);
        }

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^8]);

        var error = Assert.Throws<InvalidDataException>(() => VectorStore.Open(path));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void FileOfAnotherKind_IsRejected()
    {
        var path = _directory.File("other.bin");
        File.WriteAllBytes(path, new byte[256]);

        var error = Assert.Throws<InvalidDataException>(() => VectorStore.Open(path));
        Assert.Contains("signature", error.Message);
    }

    [Fact]
    public void ExpectedModelId_Mismatch_NamesBothModels()
    {
        var path = _directory.File("model.vec");
        using (var store = BuildStore(3, 4, modelId: "model-a"))
        {
            store.Save(path);
        }

        var error = Assert.Throws<InvalidDataException>(() => VectorStore.Open(path, new VectorStoreOpenOptions { ExpectedModelId = "model-b" }));
        Assert.Contains("model-a", error.Message);
        Assert.Contains("model-b", error.Message);
    }

    [Fact]
    public void NormalizeRows_GivesUnitRows_AndMarksTheStoreNormalized()
    {
        using var normalized = BuildStore(20, 7, normalize: true);
        using var raw = BuildStore(20, 7);

        Assert.True(normalized.IsNormalized);
        Assert.False(raw.IsNormalized);
        for (var row = 0; row < normalized.Count; row++)
        {
            Assert.Equal(1f, TensorPrimitives.Norm(normalized.Vectors.GetRow(row)), 1e-5f);
        }
    }

    [Fact]
    public void AlreadyUnitVectors_AreRecognizedAsNormalized()
    {
        var values = RandomVectors.Clustered(10, 8, clusters: 2, seed: 1);
        using var builder = new VectorStoreBuilder("m", 8);
        for (var i = 0; i < 10; i++)
        {
            builder.Add(i.ToString(), values.AsSpan(i * 8, 8));
        }

        using var store = builder.Build();
        Assert.True(store.IsNormalized);
    }

    [Fact]
    public void Builder_RejectsDuplicateIds_WrongDimensions_AndNonFiniteValues()
    {
        using var builder = new VectorStoreBuilder("m", 2);
        builder.Add("a", [1f, 2f]);

        Assert.Contains("'a' was already added", Assert.Throws<ArgumentException>(() => builder.Add("a", [1f, 2f])).Message);
        Assert.Contains("has 3 values", Assert.Throws<ArgumentException>(() => builder.Add("b", [1f, 2f, 3f])).Message);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => builder.Add("c", [float.NaN, 0f])).Message);
        Assert.Equal(1, builder.Count);
    }

    [Fact]
    public void Builder_GrowsPastItsCapacity_AndIsEmptyAfterBuild()
    {
        using var builder = new VectorStoreBuilder("m", 3, capacity: 1);
        for (var i = 0; i < 100; i++)
        {
            builder.Add(i.ToString(), [i, i + 1, i + 2]);
        }

        using var store = builder.Build();
        Assert.Equal(0, builder.Count);
        Assert.Equal(100, store.Count);
        Assert.Equal([99f, 100f, 101f], store.GetVector("99").ToArray());
    }

    [Fact]
    public void UnknownId_ErrorNamesTheId()
    {
        using var store = BuildStore(3, 2);

        Assert.Equal(-1, store.IndexOf("nope"));
        Assert.Contains("'nope'", Assert.Throws<KeyNotFoundException>(() => store.GetVector("nope")).Message);
    }

    [Fact]
    public void MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => VectorStore.Open(_directory.File("absent.vec")));
    }
}
