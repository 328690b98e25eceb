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
}
