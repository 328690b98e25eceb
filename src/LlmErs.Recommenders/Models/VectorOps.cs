using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// The few vector operations training needs, written so that every element is computed the same way on every path
/// (one fused multiply-add per element, whatever the vector width) and every dot product sums in one fixed order.
/// Neither depends on where an array happens to lie in memory, which keeps training bit-for-bit repeatable.
/// </summary>
/// <remarks>
/// <see cref="System.Numerics.Tensors.TensorPrimitives"/> is not used for the dot product: its reductions may split
/// the work by the address's alignment, so the same values at another address can round differently.
/// </remarks>
internal static class VectorOps
{
    /// <summary>Σ a[i] · b[i], in an order fixed by the length alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => DeterministicMath.Dot(a, b);

    /// <summary><c>destination[i] += scale · source[i]</c>.</summary>
    public static void AddScaled(Span<float> destination, ReadOnlySpan<float> source, float scale)
    {
        if (source.Length != destination.Length)
        {
            throw new ArgumentException("The vectors differ in length.", nameof(source));
        }

        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var factor = Vector512.Create(scale);
            for (; i <= source.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var target = destination.Slice(i, Vector512<float>.Count);
                Vector512.FusedMultiplyAdd(Vector512.Create(source.Slice(i, Vector512<float>.Count)), factor, Vector512.Create(target)).CopyTo(target);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var factor = Vector256.Create(scale);
            for (; i <= source.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var target = destination.Slice(i, Vector256<float>.Count);
                Vector256.FusedMultiplyAdd(Vector256.Create(source.Slice(i, Vector256<float>.Count)), factor, Vector256.Create(target)).CopyTo(target);
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = MathF.FusedMultiplyAdd(source[i], scale, destination[i]);
        }
    }

    /// <summary>
    /// <c>destination = Σ_k input[k] · matrix[k, ·]</c>: a row vector times a row-major matrix of
    /// <c>input.Length</c> rows, computed as <see cref="MatrixKernels"/> computes a row of a batch.
    /// </summary>
    public static void Project(ReadOnlySpan<float> input, ReadOnlySpan<float> matrix, Span<float> destination)
    {
        destination.Clear();
        MatrixKernels.MultiplyAdd(input, input.Length, 1, 1, input.Length, matrix, destination.Length, destination);
    }

    /// <summary>The logistic function 1 / (1 + e^−x).</summary>
    public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <summary>log(1 + e^x) without overflow: the BPR loss of a pair is <c>Softplus(−x)</c>.</summary>
    public static double Softplus(double x) => x > 0 ? x + Math.Log(1.0 + Math.Exp(-x)) : Math.Log(1.0 + Math.Exp(x));

    /// <summary>
    /// The root-mean-square L2 norm of the rows (1 for an all-zero matrix): a learned projection of features starts
    /// at the scale of the ID vectors when its initial weights are divided by it, whatever the features' scale.
    /// </summary>
    public static float RootMeanSquareNorm(VectorMatrix vectors)
    {
        var sum = 0.0;
        foreach (var value in vectors.Values)
        {
            sum += (double)value * value;
        }

        var norm = Math.Sqrt(sum / Math.Max(vectors.Count, 1));
        return norm > 0 ? (float)norm : 1f;
    }
}
