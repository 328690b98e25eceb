using System.Security.Cryptography;
using LlmErs.Vectors;
using Xunit;

namespace LlmErs.Vectors.Tests.SemanticIds;

public sealed class RqKMeansTests : IDisposable
{
    private const int Dimension = 24;
    private readonly TempDirectory _directory = new();
    private readonly VectorMatrix _vectors = VectorMatrix.Create(RandomVectors.Clustered(1500, Dimension, clusters: 40, seed: 61), Dimension);

    public void Dispose()
    {
        _vectors.Dispose();
        _directory.Dispose();
    }

    private static RqKMeansOptions Options(int threads = 2, int pca = 0, ulong seed = 7) =>
        new() { Levels = 3, Codes = 16, Seed = seed, MaxIterations = 15, PcaDimensions = pca, MaxDegreeOfParallelism = threads };

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void SameSeed_GivesIdenticalCodebooks_Ids_AndFileBytes_WhateverTheThreadCount(int pca)
    {
        var first = RqKMeans.Train(_vectors, Options(threads: 1, pca));
        var second = RqKMeans.Train(_vectors, Options(threads: 2, pca));
        first.Save(_directory.File("first.sid"));
        second.Save(_directory.File("second.sid"));

        for (var level = 0; level < first.Levels; level++)
        {
            Assert.True(first.GetCentroids(level).SequenceEqual(second.GetCentroids(level)));
        }

        Assert.Equal(first.EncodeAll(_vectors).Ids, second.EncodeAll(_vectors).Ids);
        Assert.Equal(File.ReadAllBytes(_directory.File("first.sid")), File.ReadAllBytes(_directory.File("second.sid")));
    }

    [Fact]
    public void AnotherSeed_GivesOtherCodebooks()
    {
        var first = RqKMeans.Train(_vectors, Options(seed: 1));
        var second = RqKMeans.Train(_vectors, Options(seed: 2));

        Assert.False(first.GetCentroids(0).SequenceEqual(second.GetCentroids(0)));
    }

    [Fact]
    public void Training_OnFixedData_GivesTheSameBytesOnEveryMachine()
    {
        // Data from integer arithmetic only, so the expected hash does not depend on any library's random generator.
        var values = new float[400 * 20];
        var state = 12345u;
        for (var i = 0; i < values.Length; i++)
        {
            state = (state * 1664525u) + 1013904223u;
            values[i] = ((int)(state >> 8) % 2001 - 1000) / 1000f;
        }

        using var vectors = VectorMatrix.Create(values, 20);
        RqKMeans.Train(vectors, new RqKMeansOptions { Levels = 2, Codes = 8, Seed = 3, PcaDimensions = 6 }).Save(_directory.File("golden.sid"));

        var hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(_directory.File("golden.sid"))));
        Assert.Equal(GoldenHash, hash);
    }

    // Changes only when training or the file format changes on purpose; a change on one machine alone is a determinism bug.
    private const string GoldenHash = "C51006CADD31933CD633C811D823E899EE16B38007339449912CAEB46FAA52F2";

    [Theory]
    [InlineData(DeduplicationMode.OnCollision)]
    [InlineData(DeduplicationMode.Always)]
    public void CollidingItems_GetUniqueIds_WithTheDeduplicationCodeOnlyWhereTheModeAsks(DeduplicationMode mode)
    {
        // Each of 60 vectors appears three times: identical vectors always share all their codes.
        var distinct = RandomVectors.Clustered(60, 8, clusters: 6, seed: 62);
        var values = Enumerable.Range(0, 3).SelectMany(_ => distinct).ToArray();
        using var vectors = VectorMatrix.Create(values, 8);
        var codebook = RqKMeans.Train(vectors, new RqKMeansOptions { Levels = 2, Codes = 4, Seed = 1 });

        var encoding = codebook.EncodeAll(vectors, mode);

        Assert.Equal(encoding.Ids.Count, encoding.Ids.Distinct().Count());
        var tuples = Enumerable.Range(0, vectors.Count).Select(row => new SemanticId(codebook.Encode(vectors.GetRow(row)))).ToArray();
        var seen = new HashSet<SemanticId>();
        for (var row = 0; row < vectors.Count; row++)
        {
            var first = seen.Add(tuples[row]);
            var id = encoding.Ids[row];
            Assert.Equal(tuples[row].Codes.ToArray(), id.Codes[..2].ToArray());
            Assert.Equal(first && mode == DeduplicationMode.OnCollision ? 2 : 3, id.Length);
        }

        var collided = vectors.Count - seen.Count;
        Assert.Equal(collided / (double)vectors.Count, encoding.Quality.CollisionRate, 1e-12);
        Assert.True(encoding.Quality.MaxDeduplicationCode >= 2);
    }

    [Fact]
    public void SavedCodebook_ReloadsAndEncodesNewItemsTheSameWay()
    {
        var codebook = RqKMeans.Train(_vectors, Options(pca: 10));
        var path = _directory.File("codebook.sid");
        codebook.Save(path);

        var loaded = SemanticIdCodebook.Load(path);
        var newItems = RandomVectors.Clustered(50, Dimension, clusters: 40, seed: 61 + 1);

        Assert.Equal((codebook.Dimension, codebook.QuantizedDimension, codebook.Levels, codebook.Codes), (loaded.Dimension, loaded.QuantizedDimension, loaded.Levels, loaded.Codes));
        for (var i = 0; i < 50; i++)
        {
            var item = newItems.AsSpan(i * Dimension, Dimension);
            Assert.Equal(codebook.Encode(item), loaded.Encode(item));
        }
    }

    [Fact]
    public void NewItems_GetIdsThatDoNotCollideWithExistingOnes()
    {
        var codebook = RqKMeans.Train(_vectors, Options());
        var existing = codebook.EncodeAll(_vectors).Ids;
        var assigner = new SemanticIdAssigner(codebook.Levels, DeduplicationMode.OnCollision, existing);

        // Re-encoding the training items is the hardest case: every tuple is already taken.
        var added = Enumerable.Range(0, 100).Select(row => assigner.Assign(codebook.Encode(_vectors.GetRow(row)))).ToArray();

        Assert.Empty(added.Intersect(existing));
        Assert.All(added, id => Assert.Equal(codebook.Levels + 1, id.Length));
    }

    [Fact]
    public void Assigner_RejectsIdsOfTheWrongLength()
    {
        Assert.Throws<ArgumentException>(() => new SemanticIdAssigner(3, existing: [new SemanticId([1, 2])]));
        Assert.Throws<ArgumentException>(() => new SemanticIdAssigner(3).Assign([1, 2, 3, 4]));
    }

    [Fact]
    public void QualityReport_DescribesCodebookUse_AndErrorFallsWithEachLevel()
    {
        var codebook = RqKMeans.Train(_vectors, Options());
        var quality = codebook.EncodeAll(_vectors).Quality;

        Assert.Equal(1500, quality.ItemCount);
        Assert.Equal(3, quality.Levels.Count);
        Assert.All(quality.Levels, level =>
        {
            Assert.Equal(16, level.UsedCodes + level.DeadCodes);
            Assert.InRange(level.Perplexity, 1, 16);
            Assert.Equal(level.UsedCodes / 16.0, level.Utilization);
        });
        Assert.True(quality.Levels[1].ResidualError < quality.Levels[0].ResidualError);
        Assert.True(quality.Levels[2].ResidualError < quality.Levels[1].ResidualError);
        Assert.Equal(quality.Levels[2].ResidualError, quality.MeanSquaredError, 1e-4);
        Assert.InRange(quality.RelativeError, 0, 0.5);
    }

    [Fact]
    public void FewerItemsThanCodes_LeavesDeadCodes()
    {
        using var vectors = VectorMatrix.Create(RandomVectors.Uniform(5, 4, seed: 63), 4);
        var quality = RqKMeans.Train(vectors, new RqKMeansOptions { Levels = 1, Codes = 8 }).EncodeAll(vectors).Quality;

        Assert.Equal(5, quality.Levels[0].UsedCodes);
        Assert.Equal(3, quality.Levels[0].DeadCodes);
        Assert.Equal(5, quality.Levels[0].Perplexity, 1e-9);
        Assert.Equal(0, quality.MeanSquaredError, 1e-9);
    }

    [Fact]
    public void CorruptedCodebookFile_FailsWithAnErrorNamingIt()
    {
        var path = _directory.File("broken.sid");
        RqKMeans.Train(_vectors, Options()).Save(path);
        var bytes = File.ReadAllBytes(path);
        bytes[^3] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => SemanticIdCodebook.Load(path));
        Assert.Contains(Path.GetFullPath(path), error.Message);
        Assert.Contains("checksum", error.Message);
    }

    [Fact]
    public void InvalidOptions_AndWrongDimensions_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RqKMeans.Train(_vectors, new RqKMeansOptions { Codes = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => RqKMeans.Train(_vectors, new RqKMeansOptions { Levels = 17 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => RqKMeans.Train(_vectors, new RqKMeansOptions { PcaDimensions = Dimension + 1 }));
        using var empty = VectorMatrix.Create([], Dimension);
        Assert.Throws<ArgumentException>(() => RqKMeans.Train(empty));
        var codebook = RqKMeans.Train(_vectors, Options());
        Assert.Contains("24", Assert.Throws<ArgumentException>(() => codebook.Encode(new float[5])).Message);
    }

    [Fact]
    public void Training_HonoursCancellation()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => RqKMeans.Train(_vectors, Options(), cancellation.Token));
    }
}
