using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LlmErs.Vectors;

/// <summary>
/// Float reductions whose result is the same on every machine: sixteen lanes accumulate elements <c>i mod 16</c>
/// with fused multiply-adds, whatever vector width the hardware has (one Vector512, two Vector256 or four Vector128),
/// and the lanes are then added in the fixed tree of <see cref="HorizontalSum"/>. Semantic IDs depend on argmins over these values, so a
/// width-dependent summation order would give different codes on different machines.
/// </summary>
internal static class DeterministicMath
{
    private const int Lanes = 16;

    /// <summary>Σ a[i] · b[i].</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => Reduce<DotStep>(a, b);

    /// <summary>Σ (a[i] − b[i])².</summary>
    public static float SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => Reduce<SquaredDifferenceStep>(a, b);

    /// <summary>The index of the row of <paramref name="centroids"/> nearest to <paramref name="vector"/>; ties go to the lower index.</summary>
    public static int Nearest(ReadOnlySpan<float> vector, ReadOnlySpan<float> centroids, out float distance)
    {
        var dimension = vector.Length;
        var best = 0;
        distance = float.PositiveInfinity;
        for (int c = 0, count = centroids.Length / dimension; c < count; c++)
        {
            var candidate = SquaredDistance(vector, centroids.Slice(c * dimension, dimension));
            if (candidate < distance)
            {
                distance = candidate;
                best = c;
            }
        }

        return best;
    }

    private static float Reduce<TStep>(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
        where TStep : struct, IStep
    {
        var blocked = a.Length - (a.Length % Lanes);
        Vector256<float> eight;
        if (Vector512.IsHardwareAccelerated)
        {
            var acc = Vector512<float>.Zero;
            for (var i = 0; i < blocked; i += Lanes)
            {
                acc = TStep.Apply(Vector512.Create(a.Slice(i, Lanes)), Vector512.Create(b.Slice(i, Lanes)), acc);
            }

            eight = acc.GetLower() + acc.GetUpper();
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> low = default, high = default;
            for (var i = 0; i < blocked; i += Lanes)
            {
                low = TStep.Apply(Vector256.Create(a.Slice(i, 8)), Vector256.Create(b.Slice(i, 8)), low);
                high = TStep.Apply(Vector256.Create(a.Slice(i + 8, 8)), Vector256.Create(b.Slice(i + 8, 8)), high);
            }

            eight = low + high;
        }
        else
        {
            Vector128<float> q0 = default, q1 = default, q2 = default, q3 = default;
            for (var i = 0; i < blocked; i += Lanes)
            {
                q0 = TStep.Apply(Vector128.Create(a.Slice(i, 4)), Vector128.Create(b.Slice(i, 4)), q0);
                q1 = TStep.Apply(Vector128.Create(a.Slice(i + 4, 4)), Vector128.Create(b.Slice(i + 4, 4)), q1);
                q2 = TStep.Apply(Vector128.Create(a.Slice(i + 8, 4)), Vector128.Create(b.Slice(i + 8, 4)), q2);
                q3 = TStep.Apply(Vector128.Create(a.Slice(i + 12, 4)), Vector128.Create(b.Slice(i + 12, 4)), q3);
            }

            eight = Vector256.Create(q0 + q2, q1 + q3);
        }

        var tail = 0f;
        for (var i = blocked; i < a.Length; i++)
        {
            tail = TStep.Apply(a[i], b[i], tail);
        }

        return HorizontalSum.Sum(eight) + tail;
    }

    /// <summary>One accumulation step, at every width.</summary>
    private interface IStep
    {
        static abstract Vector512<float> Apply(Vector512<float> a, Vector512<float> b, Vector512<float> acc);

        static abstract Vector256<float> Apply(Vector256<float> a, Vector256<float> b, Vector256<float> acc);

        static abstract Vector128<float> Apply(Vector128<float> a, Vector128<float> b, Vector128<float> acc);

        static abstract float Apply(float a, float b, float acc);
    }

    private readonly struct DotStep : IStep
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Apply(Vector512<float> a, Vector512<float> b, Vector512<float> acc) => Vector512.FusedMultiplyAdd(a, b, acc);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Apply(Vector256<float> a, Vector256<float> b, Vector256<float> acc) => Vector256.FusedMultiplyAdd(a, b, acc);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Apply(Vector128<float> a, Vector128<float> b, Vector128<float> acc) => Vector128.FusedMultiplyAdd(a, b, acc);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Apply(float a, float b, float acc) => MathF.FusedMultiplyAdd(a, b, acc);
    }

    private readonly struct SquaredDifferenceStep : IStep
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Apply(Vector512<float> a, Vector512<float> b, Vector512<float> acc) => Vector512.FusedMultiplyAdd(a - b, a - b, acc);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Apply(Vector256<float> a, Vector256<float> b, Vector256<float> acc) => Vector256.FusedMultiplyAdd(a - b, a - b, acc);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Apply(Vector128<float> a, Vector128<float> b, Vector128<float> acc) => Vector128.FusedMultiplyAdd(a - b, a - b, acc);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Apply(float a, float b, float acc) => MathF.FusedMultiplyAdd(a - b, a - b, acc);
    }
}
