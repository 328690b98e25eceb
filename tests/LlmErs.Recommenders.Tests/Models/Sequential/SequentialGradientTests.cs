using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Models.Sequential;

/// <summary>
/// Checks the hand-written backward pass of the sequential model against central finite differences of the loss, on
/// a tiny model (two blocks, two heads, item features, one item without an ID vector), for every parameter of every
/// layer: ID embeddings (two of them shrunken), position embeddings, feature projection, layer norms, query/key/value/output projections, the
/// feed-forward layers. Dropout is on, with the same masks in every evaluation, so its backward pass is checked too.
/// </summary>
public sealed class SequentialGradientTests
{
    private const int Items = 7;
    private const int Features = 3;
    private const int Width = 8;

    private static readonly int[][] Histories = [[0, 1, 2, 3, 4, 5, 1], [2, 6, 3], [4, 0], [5, 3, 3, 1]];

    [Theory]
    [InlineData(0f)]
    [InlineData(0.2f)]
    public void AnalyticGradient_MatchesFiniteDifferences_ForEveryLayer(float dropout)
    {
        var (layout, network, parameters) = TinyModel();
        var gradient = new float[layout.Length];
        Loss(network, parameters, gradient, dropout);

        var failures = new List<string>();
        foreach (var (name, offset, length) in Tensors(layout))
        {
            var (worst, checkedValues) = (0.0, 0);
            for (var i = offset; i < offset + length; i++)
            {
                if (IsUnseenItemId(layout, i))
                {
                    Assert.Equal(0f, gradient[i]);
                    continue;
                }

                var numeric = FiniteDifference(network, parameters, i, dropout);
                var error = Math.Abs(numeric - gradient[i]) / (2e-3 + (0.05 * Math.Abs(numeric)));
                worst = Math.Max(worst, error);
                checkedValues++;
            }

            if (worst > 1)
            {
                failures.Add($"{name}: worst error {worst:F2}× the tolerance over {checkedValues} values");
            }
        }

        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    [Fact]
    public void GradientIsNotTrivial_SoTheCheckCanFail()
    {
        var (layout, network, parameters) = TinyModel();
        var gradient = new float[layout.Length];
        Loss(network, parameters, gradient, 0f);

        foreach (var (name, offset, length) in Tensors(layout))
        {
            var norm = gradient.AsSpan(offset, length).ToArray().Sum(value => Math.Abs(value));
            Assert.True(norm > 1e-4, $"The gradient of {name} is zero.");
        }
    }

    private static (SequentialLayout Layout, SequentialNetwork Network, float[] Parameters) TinyModel()
    {
        var layout = new SequentialLayout(new SequentialShape(Items, Features, Width, Blocks: 2, Heads: 2, MaxLength: 5));
        var random = new Random(5);
        var features = Enumerable.Range(0, Items * Features).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        // Item 6 has no ID vector; items 2 and 4 have shrunken ones (a frequency-weighted ID view).
        float[] idWeights = [1f, 1f, 0.5f, 1f, 0.25f, 1f, 0f];
        var network = new SequentialNetwork(layout, features, idWeights, capacity: Histories.Length, maxDegreeOfParallelism: 2);
        foreach (var history in Histories)
        {
            network.Batch.Add(history, heads: 2, withTargets: true);
        }

        // Larger than the training initialization, and gains and shifts away from 1 and 0, so every path carries signal.
        var parameters = Enumerable.Range(0, layout.Length).Select(_ => (float)((random.NextDouble() * 1.2) - 0.6)).ToArray();
        foreach (var (offset, length, isGain) in layout.InitializedTensors().Where(tensor => tensor.IsGain))
        {
            for (var i = offset; i < offset + length; i++)
            {
                parameters[i] += 1f;
            }
        }

        parameters.AsSpan(layout.ItemIds + ((Items - 1) * Width), Width).Clear();
        return (layout, network, parameters);
    }

    private static double Loss(SequentialNetwork network, float[] parameters, float[] gradient, float dropout)
    {
        var random = new SplitMix64(3);
        return network.Train(parameters, gradient, dropout, ref random) / network.Batch.Rows;
    }

    private static double FiniteDifference(SequentialNetwork network, float[] parameters, int index, float dropout)
    {
        // Small enough that no ReLU input crosses zero between the two evaluations, large enough for float precision.
        const float Step = 5e-4f;
        var scratch = new float[parameters.Length];
        var original = parameters[index];
        parameters[index] = original + Step;
        var plus = Loss(network, parameters, scratch, dropout);
        parameters[index] = original - Step;
        var minus = Loss(network, parameters, scratch, dropout);
        parameters[index] = original;
        return (plus - minus) / (2 * Step);
    }

    private static bool IsUnseenItemId(SequentialLayout layout, int index) =>
        index >= layout.ItemIds + ((Items - 1) * Width) && index < layout.ItemIds + (Items * Width);

    private static IEnumerable<(string Name, int Offset, int Length)> Tensors(SequentialLayout layout)
    {
        yield return ("item IDs", layout.ItemIds, Items * Width);
        yield return ("feature projection", layout.FeatureProjection, Features * Width);
        yield return ("positions", layout.Positions, 5 * Width);
        for (var b = 0; b < layout.Blocks.Count; b++)
        {
            var block = layout.Blocks[b];
            yield return ($"block {b} attention norm", block.AttentionNorm.Gain, 2 * Width);
            yield return ($"block {b} query", block.Query.Weights, (Width + 1) * Width);
            yield return ($"block {b} key", block.Key.Weights, (Width + 1) * Width);
            yield return ($"block {b} value", block.Value.Weights, (Width + 1) * Width);
            yield return ($"block {b} output", block.Output.Weights, (Width + 1) * Width);
            yield return ($"block {b} feed-forward norm", block.FeedForwardNorm.Gain, 2 * Width);
            yield return ($"block {b} feed-forward hidden", block.Hidden.Weights, (Width + 1) * Width);
            yield return ($"block {b} feed-forward projection", block.Projection.Weights, (Width + 1) * Width);
        }

        yield return ("final norm", layout.FinalNorm.Gain, 2 * Width);
    }
}
