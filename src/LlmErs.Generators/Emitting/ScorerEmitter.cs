using System.Globalization;
using System.Linq;
using LlmErs.Generators.Model;
using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Emitting;

/// <summary>
/// Writes a [Scorer] method: weighted dot products whose vector length is a compile-time constant (so the loops have
/// fixed trip counts and the tail is known at build time), plus weighted numeric features.
/// </summary>
internal static class ScorerEmitter
{
    private const string Intrinsics = "global::System.Runtime.Intrinsics";

    public static string Emit(ScorerSpec spec)
    {
        var writer = new SourceWriter();
        TypeScaffold.Open(writer, spec.Namespace, spec.ContainingTypes);
        writer.WriteLine($"[global::System.CodeDom.Compiler.GeneratedCode(\"{EnrichableEmitter.GeneratorName}\", \"{EnrichableEmitter.GeneratorVersion}\")]");
        var query = CSharpIdentifier.Escape(spec.QueryParameter);
        var item = CSharpIdentifier.Escape(spec.ItemParameter);
        writer.OpenBlock($"{spec.Modifiers} float {CSharpIdentifier.Escape(spec.Name)}({spec.QueryType} {query}, {spec.ItemType} {item})");
        // Named apart from anything a user can call a parameter.
        writer.WriteLine("var __score = 0f;");
        foreach (var term in spec.Similarities)
        {
            writer.WriteLine($"__score += {Float(term.Weight)} * Dot{term.Dimensions}(" +
                             $"Vector({query}.{CSharpIdentifier.Escape(term.QueryMember)}, {term.Dimensions}, {CSharpLiteral.String(term.QueryLabel)}), " +
                             $"Vector({item}.{CSharpIdentifier.Escape(term.ItemMember)}, {term.Dimensions}, {CSharpLiteral.String(term.ItemLabel)}));");
        }

        foreach (var term in spec.Features)
        {
            writer.WriteLine($"__score += {Float(term.Weight)} * {FeatureValue(term, $"{item}.{CSharpIdentifier.Escape(term.ItemMember)}")};");
        }

        writer.WriteLine("return __score;");
        if (spec.Similarities.Count > 0)
        {
            WriteVectorCheck(writer);
            foreach (var dimensions in spec.Similarities.Select(s => s.Dimensions).Distinct())
            {
                WriteDot(writer, dimensions);
            }
        }

        writer.CloseBlock();
        TypeScaffold.Close(writer, spec.Namespace, spec.ContainingTypes.Count);
        return writer.ToString();
    }

    private static string FeatureValue(FeatureTerm term, string member) => (term.IsBoolean, term.IsNullable) switch
    {
        (true, true) => $"({member} == true ? 1f : 0f)",
        (true, false) => $"({member} ? 1f : 0f)",
        (false, true) => $"(float)({member} ?? 0)",
        _ => $"(float){member}",
    };

    private static void WriteVectorCheck(SourceWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine("// A vector of the wrong length means the embedding stage has not run (or ran with another model).");
        writer.OpenBlock("static global::System.ReadOnlySpan<float> Vector(global::System.ReadOnlyMemory<float> vector, int dimensions, string name)");
        writer.OpenBlock("if (vector.Length != dimensions)");
        writer.WriteLine("throw new global::System.InvalidOperationException($\"{name} has {vector.Length} values but is declared with {dimensions} dimensions; compute the embeddings before scoring.\");");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return vector.Span;");
        writer.CloseBlock();
    }

    private static void WriteDot(SourceWriter writer, int dimensions)
    {
        var d = dimensions.ToString(CultureInfo.InvariantCulture);
        writer.WriteLine();
        writer.OpenBlock($"static float Dot{d}(global::System.ReadOnlySpan<float> a, global::System.ReadOnlySpan<float> b)");
        writer.WriteLine("ref float x = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(a);");
        writer.WriteLine("ref float y = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(b);");
        writer.WriteLine("nuint i = 0;");
        writer.WriteLine("var sum = 0f;");
        var wide = WriteVectorLoop(writer, "Vector512", 16, dimensions, first: true);
        WriteVectorLoop(writer, "Vector256", 8, dimensions, first: !wide);
        // The tail after whole vectors, and everything where no vector unit is accelerated.
        writer.OpenBlock($"for (; i < {d}; i++)");
        writer.WriteLine("sum += global::System.Runtime.CompilerServices.Unsafe.Add(ref x, i) * global::System.Runtime.CompilerServices.Unsafe.Add(ref y, i);");
        writer.CloseBlock();

        writer.WriteLine();
        writer.WriteLine("return sum;");
        writer.CloseBlock();
    }

    /// <summary>A fused multiply-add loop over whole vectors; both accumulators halve the dependency chain.</summary>
    /// <returns>Whether the loop was written: vectors wider than the whole dimension are skipped.</returns>
    private static bool WriteVectorLoop(SourceWriter writer, string vector, int width, int dimensions, bool first)
    {
        if (dimensions < width)
        {
            return false;
        }

        var full = dimensions / width * width;
        writer.OpenBlock($"{(first ? "if" : "else if")} ({Intrinsics}.{vector}.IsHardwareAccelerated)");
        writer.WriteLine($"var even = {Intrinsics}.{vector}<float>.Zero;");
        writer.WriteLine($"var odd = {Intrinsics}.{vector}<float>.Zero;");
        writer.OpenBlock($"for (; i + {2 * width} <= {full}; i += {2 * width})");
        writer.WriteLine($"even = {Intrinsics}.{vector}.FusedMultiplyAdd({Intrinsics}.{vector}.LoadUnsafe(ref x, i), {Intrinsics}.{vector}.LoadUnsafe(ref y, i), even);");
        writer.WriteLine($"odd = {Intrinsics}.{vector}.FusedMultiplyAdd({Intrinsics}.{vector}.LoadUnsafe(ref x, i + {width}), {Intrinsics}.{vector}.LoadUnsafe(ref y, i + {width}), odd);");
        writer.CloseBlock();
        writer.OpenBlock($"if (i < {full})");
        writer.WriteLine($"even = {Intrinsics}.{vector}.FusedMultiplyAdd({Intrinsics}.{vector}.LoadUnsafe(ref x, i), {Intrinsics}.{vector}.LoadUnsafe(ref y, i), even);");
        writer.WriteLine($"i += {width};");
        writer.CloseBlock();
        writer.WriteLine($"sum = {Intrinsics}.{vector}.Sum(even + odd);");
        writer.CloseBlock();
        return true;
    }

    private static string Float(double value) => ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";
}
