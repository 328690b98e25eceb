using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Templates;

/// <summary>
/// Writes C# statements that render a <see cref="TemplateSpec"/> exactly as Scriban's <c>Template.Render(item)</c> does:
/// invariant culture, Scriban's text conversions, auto-indent, loop and length limits (as exceptions or cuts, like Scriban).
/// The code is straight-line and reflection-free; it lives in its own block, so its <c>__</c> locals cannot clash.
/// </summary>
internal static class TemplateEmitter
{
    /// <param name="writer">Where the statements go.</param>
    /// <param name="spec">The compiled template.</param>
    /// <param name="item">The expression of the item to render (a parameter name).</param>
    /// <param name="builder">The <c>StringBuilder</c> variable to append to.</param>
    public static void Emit(SourceWriter writer, TemplateSpec spec, string item, string builder) =>
        new TemplateWriter(writer, spec, item, builder).Write();
}
