using Microsoft.Extensions.AI;

namespace LlmErs.Local.Tests.Chat;

/// <summary>Records every text it embeds; its calls wait until released, so a second caller arrives while the first is in flight.</summary>
internal sealed class HeldGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private int _calls;

    public bool FailFirstCall { get; init; }

    public Task FirstCallStarted => _started.Task;

    /// <summary>Every text embedded, over all calls, in call order.</summary>
    public List<string> Embedded { get; } = [];

    /// <summary>How many texts each call held, in call order.</summary>
    public List<int> CallSizes { get; } = [];

    public static float[] VectorOf(string text) => [text.Length, text[0]];

    public void Release() => _released.TrySetResult();

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        int call;
        lock (_gate)
        {
            Embedded.AddRange(texts);
            CallSizes.Add(texts.Count);
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
