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
/// to be grouped. For the same reason a text embedded once is not embedded again while it is remembered, nor while
/// another caller's request for it is on its way: prompts share sentences (a history line recurs across users' profile
/// prompts, an instruction across items) and candidate descriptions (the popular movies recur across users' candidate lists).
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

    // Texts queued or in a model call, with the request that embeds each: a caller that needs one of them waits for
    // that request rather than embedding the text again (concurrent profile prompts share their popular lines).
    private readonly Dictionary<string, (Request Request, int Index)> _pending = new(StringComparer.Ordinal);
    private int _callers;

    /// <summary>The vectors of <paramref name="texts"/>, in order.</summary>
    public async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var found = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        var awaited = new Dictionary<string, (Request Request, int Index)>(StringComparer.Ordinal);
        var calls = false;
        lock (_gate)
        {
            // This caller's request for the texts no one has embedded or is embedding, filled before it is queued.
            Request? request = null;
            foreach (var text in texts)
            {
                if (found.ContainsKey(text) || awaited.ContainsKey(text))
                {
                    continue;
                }

                if (_remembered.TryGet(text, out var vector))
                {
                    found[text] = vector;
                }
                else if (_pending.TryGetValue(text, out var pending))
                {
                    awaited[text] = pending;
                }
                else
                {
                    request ??= new Request([]);
                    _pending[text] = awaited[text] = (request, request.Texts.Count);
                    request.Texts.Add(text);
                }
            }

            if (request is not null)
            {
                _queue.Enqueue(request);
                calls = _callers < maxCallers;
                _callers += calls ? 1 : 0;
            }
        }

        if (calls)
        {
            await CallWhileQueuedAsync().ConfigureAwait(false);
        }

        foreach (var (text, (request, index)) in awaited)
        {
            found[text] = (await request.Vectors.Task.WaitAsync(cancellationToken).ConfigureAwait(false))[index];
        }

        return [.. texts.Select(text => found[text])];
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

            IReadOnlyList<ReadOnlyMemory<float>>[]? results = null;
            Exception? failure = null;
            try
            {
                // Not one caller's token: the call serves every request in it, and each waits on its own token.
                var vectors = await embeddings.GenerateAsync(batch.SelectMany(r => r.Texts).ToList(), cancellationToken: CancellationToken.None).ConfigureAwait(false);
                var offset = 0;
                results = new IReadOnlyList<ReadOnlyMemory<float>>[batch.Count];
                for (var r = 0; r < batch.Count; r++)
                {
                    results[r] = [.. vectors.Skip(offset).Take(batch[r].Texts.Count).Select(e => e.Vector)];
                    offset += batch[r].Texts.Count;
                }
            }
            catch (Exception e)
            {
                failure = e;
            }

            // Remembered before no longer pending, under one lock: a caller finds each text in one place or the other.
            lock (_gate)
            {
                for (var r = 0; r < batch.Count; r++)
                {
                    for (var t = 0; t < batch[r].Texts.Count; t++)
                    {
                        if (results is not null)
                        {
                            _remembered.Add(batch[r].Texts[t], results[r][t]);
                        }

                        _pending.Remove(batch[r].Texts[t]);
                    }
                }
            }

            for (var r = 0; r < batch.Count; r++)
            {
                if (results is not null)
                {
                    batch[r].Vectors.TrySetResult(results[r]);
                }
                else
                {
                    batch[r].Vectors.TrySetException(failure!);
                }
            }
        }
    }

    private sealed class Request(List<string> texts)
    {
        public List<string> Texts { get; } = texts;

        public TaskCompletionSource<IReadOnlyList<ReadOnlyMemory<float>>> Vectors { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
