using System.Numerics;

namespace LlmErs.Recommenders;

/// <summary>
/// A row-major parameter matrix with its Adam moments. Embedding tables update only the rows a batch touched (lazy
/// Adam: untouched rows keep their moments), dense matrices update every value.
/// </summary>
/// <remarks>
/// Each value is updated on its own with plain IEEE operations (no fused multiply-add, no reduction), so the result
/// does not depend on the vector width, and rows may be updated from several threads at once.
/// </remarks>
internal sealed class AdamParameters
{
    private const float Beta1 = 0.9f;
    private const float Beta2 = 0.999f;
    private const float Epsilon = 1e-8f;

    private readonly float[] _first;
    private readonly float[] _second;

    public AdamParameters(int rows, int columns)
    {
        Columns = columns;
        Values = new float[checked(rows * columns)];
        _first = new float[Values.Length];
        _second = new float[Values.Length];
    }

    /// <summary>The parameters, row after row.</summary>
    public float[] Values { get; }

    public int Columns { get; }

    public Span<float> GetRow(int row) => Values.AsSpan(row * Columns, Columns);

    /// <summary>The bias-corrected step size of update number <paramref name="step"/> (1-based).</summary>
    public static float StepSize(float learningRate, long step) =>
        (float)(learningRate * Math.Sqrt(1 - Math.Pow(Beta2, step)) / (1 - Math.Pow(Beta1, step)));

    /// <summary>Applies one Adam update to <paramref name="row"/>.</summary>
    public void UpdateRow(int row, ReadOnlySpan<float> gradient, float stepSize) => Update(row * Columns, gradient, stepSize);

    /// <summary>
    /// Applies one Adam update to row <c>rows[k]</c> with gradient row k of <paramref name="gradients"/>, for each k
    /// where <paramref name="keep"/> is empty or true; rows a few places ahead are fetched into cache meanwhile, since a
    /// batch's rows are scattered and each would otherwise wait on memory.
    /// </summary>
    public void UpdateRows(ReadOnlySpan<int> rows, ReadOnlySpan<float> gradients, float stepSize, ReadOnlySpan<bool> keep = default)
    {
        for (var k = 0; k < rows.Length; k++)
        {
            CacheLines.PrefetchAhead(Values, Columns, rows, k, keep);
            CacheLines.PrefetchAhead(_first, Columns, rows, k, keep);
            CacheLines.PrefetchAhead(_second, Columns, rows, k, keep);

            if (keep.IsEmpty || keep[k])
            {
                Update(rows[k] * Columns, gradients.Slice(k * Columns, Columns), stepSize);
            }
        }
    }

    /// <summary>Applies one Adam update to every value.</summary>
    public void UpdateAll(ReadOnlySpan<float> gradient, float stepSize) => Update(0, gradient, stepSize);

    private void Update(int offset, ReadOnlySpan<float> gradient, float stepSize)
    {
        var values = Values.AsSpan(offset, gradient.Length);
        var first = _first.AsSpan(offset, gradient.Length);
        var second = _second.AsSpan(offset, gradient.Length);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var (b1, c1) = (new Vector<float>(Beta1), new Vector<float>(1 - Beta1));
            var (b2, c2) = (new Vector<float>(Beta2), new Vector<float>(1 - Beta2));
            var (epsilon, size) = (new Vector<float>(Epsilon), new Vector<float>(stepSize));
            for (; i <= gradient.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var g = new Vector<float>(gradient[i..]);
                var m = (b1 * new Vector<float>(first[i..])) + (c1 * g);
                var v = (b2 * new Vector<float>(second[i..])) + (c2 * (g * g));
                m.CopyTo(first[i..]);
                v.CopyTo(second[i..]);
                (new Vector<float>(values[i..]) - (size * m / (Vector.SquareRoot(v) + epsilon))).CopyTo(values[i..]);
            }
        }

        for (; i < gradient.Length; i++)
        {
            var g = gradient[i];
            var m = (Beta1 * first[i]) + ((1 - Beta1) * g);
            var v = (Beta2 * second[i]) + ((1 - Beta2) * (g * g));
            first[i] = m;
            second[i] = v;
            values[i] -= stepSize * m / (MathF.Sqrt(v) + Epsilon);
        }
    }
}
