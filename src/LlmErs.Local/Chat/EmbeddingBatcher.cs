using Microsoft.Extensions.AI;

namespace LlmErs.Local;

/// <summary>
/// Gathers the embedding requests of concurrent chat calls into shared model calls. One short prompt at a time costs
/// the model's whole per-call overhead; requests that arrive while the model is busy wait and then go together.
/// </summary>
/// <remarks>
/// No background thread and no timer: a caller that finds fewer than <c>maxCallers</c> model calls running makes one
/// itself, with everything queued, and keeps going while the queue fills. A text's vector must not depend on the other
/// texts of its call (true of <see cref="MiniLmEmbeddingGenerator"/>), so answers do not depend on how requests happened
/// to be grouped. For the same reason a text embedded once is not embedded again while it is remembered: prompts share
/// sentences (a history line recurs across users' profile prompts, an instruction across items) and candidate
/// descriptions (the popular movies recur across users' candidate lists).
/// </remarks>
internal sealed class EmbeddingBatcher(IEmbeddingGenerator<string, Embedding<float>> embeddings, int maxTexts, int maxCallers)
{
    // 32k 384-float vectors are 50 MB: the distinct history lines of all of ml-latest-small's profile prompts (about
    // 9.4k in a split) and its movies' mood lines, with room for the sentences of descriptions read in between.
    // Forgetting a text costs an embedding, never an answer.
    private const int MaxRemembered = 32_768;

    private readonly Lock _gate = new();
    private readonly Queue<Request> _queue = new();
    private readonly RecentVectors _remembered = new(MaxRemembered);
    private int _callers;

    /// <summary>The vectors of <paramref name="texts"/>, in order.</summary>
    public async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Each text is looked up once: the memory may forget it while this call waits for the model.
        var found = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var text in texts)
        {
            if (!found.ContainsKey(text) && !missing.Contains(text, StringComparer.Ordinal))
            {
                if (_remembered.TryGet(text, out var vector))
                {
                    found[text] = vector;
                }
                else
                {
                    missing.Add(text);
                }
            }
        }

        if (missing.Count > 0)
        {
            var computed = await EmbedMissingAsync(missing, cancellationToken).ConfigureAwait(false);
            for (var m = 0; m < missing.Count; m++)
            {
                found[missing[m]] = computed[m];
                _remembered.Add(missing[m], computed[m]);
            }
        }

        return [.. texts.Select(text => found[text])];
    }

    private async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedMissingAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var request = new Request(texts);
        bool calls;
        lock (_gate)
        {
            _queue.Enqueue(request);
            calls = _callers < maxCallers;
            _callers += calls ? 1 : 0;
        }

        if (calls)
        {
            await CallWhileQueuedAsync().ConfigureAwait(false);
        }

        return await request.Vectors.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CallWhileQueuedAsync()
    {
        while (true)
        {
            var batch = new List<Request>();
            var count = 0;
            lock (_gate)
            {
                while (_queue.TryPeek(out var next) && (batch.Count == 0 || count + next.Texts.Count <= maxTexts))
                {
                    batch.Add(_queue.Dequeue());
                    count += next.Texts.Count;
                }

                if (batch.Count == 0)
                {
                    _callers--;
                    return;
                }
            }

            try
            {
                // Not one caller's token: the call serves every request in it, and each waits on its own token.
                var vectors = await embeddings.GenerateAsync(batch.SelectMany(r => r.Texts).ToList(), cancellationToken: CancellationToken.None).ConfigureAwait(false);
                var offset = 0;
                foreach (var request in batch)
                {
                    request.Vectors.TrySetResult([.. vectors.Skip(offset).Take(request.Texts.Count).Select(e => e.Vector)]);
                    offset += request.Texts.Count;
                }
            }
            catch (Exception e)
            {
                foreach (var request in batch)
                {
                    request.Vectors.TrySetException(e);
                }
            }
        }
    }

    private sealed class Request(IReadOnlyList<string> texts)
    {
        public IReadOnlyList<string> Texts { get; } = texts;

        public TaskCompletionSource<IReadOnlyList<ReadOnlyMemory<float>>> Vectors { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
