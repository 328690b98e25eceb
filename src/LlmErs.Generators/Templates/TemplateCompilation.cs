using System;
using LlmErs.Generators.Shared;
using Microsoft.CodeAnalysis;
using Scriban.Parsing;

namespace LlmErs.Generators.Templates;

/// <summary>The outcome of <see cref="TemplateCompiler.Compile"/>.</summary>
/// <param name="Spec">The compiled template; null when there are errors.</param>
/// <param name="Errors">Errors, located inside the template text.</param>
/// <param name="RootMembers">C# names of the item's members the template reads, distinct, in first-use order.</param>
internal sealed record TemplateCompilation(TemplateSpec? Spec, EquatableArray<TemplateError> Errors, EquatableArray<string> RootMembers);

/// <summary>An error at <paramref name="Start"/>..+<paramref name="Length"/> characters into the template text.</summary>
internal sealed record TemplateError(DiagnosticDescriptor Descriptor, int Start, int Length, EquatableArray<string> MessageArgs)
{
    /// <summary>An error on a Scriban span, kept inside <paramref name="text"/> (Scriban may point one past its end).</summary>
    public static TemplateError At(DiagnosticDescriptor descriptor, string text, SourceSpan span, params string[] messageArgs)
    {
        var start = Math.Min(Math.Max(span.Start.Offset, 0), text.Length);
        var length = Math.Min(Math.Max(span.Length, 0), text.Length - start);
        return new TemplateError(descriptor, start, length, messageArgs.ToEquatableArray());
    }
}
