using LlmErs.Local;
using Microsoft.Extensions.AI;

namespace LlmErs.Local.Tests.Chat;

public sealed class EmbeddingBatcherTests
{
    [Fact]
    public async Task A_text_another_caller_is_already_embedding_is_awaited_not_embedded_again()
    {
        using var model = new HeldGenerator();
        var batcher = new EmbeddingBatcher(model, maxTexts: 64, maxCallers: 2);

        var first = batcher.EmbedAsync(["shared line", "first only"], CancellationToken.None);
        await model.FirstCallStarted;
        var second = batcher.EmbedAsync(["second only", "shared line", "second only"], CancellationToken.None);
        model.Release();

        var (a, b) = (await first, await second);
        Assert.Equal(["shared line", "first only", "second only"], model.Embedded);
        Assert.Equal(HeldGenerator.VectorOf("shared line"), a[0].ToArray());
        Assert.Equal(HeldGenerator.VectorOf("first only"), a[1].ToArray());
        Assert.Equal(HeldGenerator.VectorOf("second only"), b[0].ToArray());
        Assert.Equal(HeldGenerator.VectorOf("shared line"), b[1].ToArray());
        Assert.Equal(HeldGenerator.VectorOf("second only"), b[2].ToArray());

        // Once embedded, a text is remembered: no further model call.
        var again = await batcher.EmbedAsync(["first only", "shared line"], CancellationToken.None);
        Assert.Equal(3, model.Embedded.Count);
        Assert.Equal(HeldGenerator.VectorOf("first only"), again[0].ToArray());
    }

    [Fact]
    public async Task A_failed_call_fails_every_caller_waiting_on_its_texts_and_a_later_caller_asks_again()
    {
        using var model = new HeldGenerator { FailFirstCall = true };
        var batcher = new EmbeddingBatcher(model, maxTexts: 64, maxCallers: 2);

        var first = batcher.EmbedAsync(["line"], CancellationToken.None);
        await model.FirstCallStarted;
        var waiting = batcher.EmbedAsync(["line"], CancellationToken.None);
        model.Release();

        await Assert.ThrowsAsync<HttpRequestException>(() => first);
        await Assert.ThrowsAsync<HttpRequestException>(() => waiting);
        var retried = await batcher.EmbedAsync(["line"], CancellationToken.None);
        Assert.Equal(HeldGenerator.VectorOf("line"), retried[0].ToArray());
        Assert.Equal(["line", "line"], model.Embedded);
    }

    /// <summary>Records every text it embeds; its calls wait until released, so a second caller arrives while the first is in flight.</summary>
    private sealed class HeldGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _gate = new();
        private int _calls;

        public bool FailFirstCall { get; init; }

        public Task FirstCallStarted => _started.Task;

        public List<string> Embedded { get; } = [];

        public static float[] VectorOf(string text) => [text.Length, text[0]];

        public void Release() => _released.TrySetResult();

        public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            int call;
            lock (_gate)
            {
                Embedded.AddRange(texts);
                call = ++_calls;
            }

            _started.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
            if (FailFirstCall && call == 1)
            {
                throw new HttpRequestException("The model is down.");
            }

            return [.. texts.Select(text => new Embedding<float>(VectorOf(text)))];
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
