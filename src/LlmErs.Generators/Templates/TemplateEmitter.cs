using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Templates;

/// <summary>
/// Writes C# statements that render a <see cref="TemplateSpec"/> exactly as Scriban's <c>Template.Render(item)</c> does:
/// invariant culture, Scriban's text conversions, auto-indent, loop and length limits (as exceptions or cuts, like Scriban).
/// The code is straight-line and reflection-free; it lives in its own block, so its <c>__</c> locals cannot clash.
/// Each <c>{{ }}</c> output passes through the input encoder when one is given at run time (see
/// <c>LlmErs.IPromptInputEncoder</c>); literal text never does, and with no encoder the text is Scriban's.
/// </summary>
internal static class TemplateEmitter
{
    /// <param name="writer">Where the statements go.</param>
    /// <param name="spec">The compiled template.</param>
    /// <param name="item">The expression of the item to render (a parameter name).</param>
    /// <param name="builder">The <c>StringBuilder</c> variable to append to.</param>
    /// <param name="encoder">The expression of the <c>IPromptInputEncoder?</c> to apply (a parameter name; null at run time for none).</param>
    public static void Emit(SourceWriter writer, TemplateSpec spec, string item, string builder, string encoder) =>
        new TemplateWriter(writer, spec, item, builder, encoder).Write();
}
