using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Models;

/// <summary>
/// Checks the two-tower backward pass against gradients derived here by hand. The vectors are linear in the
/// projection W, so for a loss L = Σ_t a_t · user_t + Σ_s b_s · item_s the gradient is exact:
/// <c>dL/dW[k, c] = Σ_s b_s[c] f_s[k] + Σ_t a_t[c] (α_t h_u[k] + β_t f_i[k])</c>, with (α, β) the history weights
/// (the positive left out of a training pair's history). Adam's first step moves every entry by −lr · sign(gradient).
/// </summary>
public sealed class TwoTowerGradientTests
{
    private const int Features = 4;
    private const int Dimension = 3;
    private const float LearningRate = 1e-3f;

    [Fact]
    public void FirstStep_MovesEveryProjectionEntryAgainstTheHandDerivedGradient()
    {
        // User 0 has items {0, 1, 2}, user 1 {1, 3}, user 2 {4}; item 5 has no interaction.
        var feedback = UserItemMatrix.Create([0, 0, 0, 1, 1, 2], [0, 1, 2, 1, 3, 4], userCount: 3, itemCount: 6);
        var random = new Random(9);
        var featureValues = Enumerable.Range(0, 6 * Features).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        using var features = VectorMatrix.Create(featureValues, Features);
        var options = new TwoTowerOptions { Dimension = Dimension, IdDropout = 0, LearningRate = LearningRate, BatchSize = 4, NegativeSamples = 1 };
        var schedule = TrainingSchedule.For(options, feedback.PairCount);
        var network = new TwoTowerNetwork(feedback, features, userFeatures: null, options, schedule);

        var batch = new TripleBatch(schedule.TriplesPerBatch(options), feedback.UserCount, feedback.ItemCount);
        (int User, int First, int Second, bool Labeled)[] triples = [(0, 1, 3, true), (1, 3, 5, true), (2, 4, 0, true), (0, 5, 2, false)];
        foreach (var (user, first, second, labeled) in triples)
        {
            batch.Add(user, first, second, labeled);
        }

        var before = Projection(network.Snapshot());
        var userVectors = new float[batch.Capacity * Dimension];
        var itemVectors = new float[2 * batch.Capacity * Dimension];
        network.Encode(batch, userVectors, itemVectors);
        var userGradients = Enumerable.Range(0, userVectors.Length).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var itemGradients = Enumerable.Range(0, itemVectors.Length).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        network.Update(batch, userGradients, itemGradients);
        var after = Projection(network.Snapshot());

        var expected = new double[Features * Dimension];
        for (var s = 0; s < batch.ItemSlotCount; s++)
        {
            AddOuter(expected, features.GetRow(batch.SlotItems[s]), itemGradients.AsSpan(s * Dimension, Dimension), 1);
        }

        for (var t = 0; t < triples.Length; t++)
        {
            var history = feedback.ItemsOf(triples[t].User).ToArray();
            var gradient = userGradients.AsSpan(t * Dimension, Dimension);
            foreach (var item in history)
            {
                // The history mean, without the positive on a training pair.
                if (!(triples[t].Labeled && item == triples[t].First))
                {
                    AddOuter(expected, features.GetRow(item), gradient, 1.0 / (history.Length - (triples[t].Labeled ? 1 : 0)));
                }
            }
        }

        for (var e = 0; e < expected.Length; e++)
        {
            Assert.True(Math.Abs(expected[e]) > 1e-3, $"Entry {e} has a gradient too small to check its sign.");
            Assert.Equal(-LearningRate * Math.Sign(expected[e]), after[e] - before[e], 1e-6);
        }
    }

    /// <summary>The rows of W, read back as the feature vectors of the unit items.</summary>
    private static float[] Projection(TwoTowerModel model)
    {
        var rows = new float[Features * Dimension];
        var unit = new float[Features];
        for (var k = 0; k < Features; k++)
        {
            Array.Clear(unit);
            unit[k] = 1;
            model.EncodeItem(unit, rows.AsSpan(k * Dimension, Dimension));
        }

        return rows;
    }

    private static void AddOuter(double[] target, ReadOnlySpan<float> input, ReadOnlySpan<float> gradient, double weight)
    {
        for (var k = 0; k < input.Length; k++)
        {
            for (var c = 0; c < gradient.Length; c++)
            {
                target[(k * gradient.Length) + c] += weight * input[k] * gradient[c];
            }
        }
    }
}
