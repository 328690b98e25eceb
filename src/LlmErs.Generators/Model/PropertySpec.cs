using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Model;

/// <summary>A partial property declaration the generator implements.</summary>
/// <param name="Modifiers">The declaration's modifiers as written, e.g. <c>public partial</c>.</param>
/// <param name="Type">Fully qualified type, with nullable annotations.</param>
/// <param name="BackingFieldInitializer">Initializer for a non-nullable reference type, else null.</param>
internal sealed record PropertySpec(
    string Name,
    string Modifiers,
    string Type,
    EquatableArray<AccessorSpec> Accessors,
    string? BackingFieldInitializer)
{
    /// <summary>The name as generated code writes it (<c>@class</c>).</summary>
    public string Identifier => CSharpIdentifier.Escape(Name);
}

/// <summary>One accessor of a partial property: <c>get</c>, <c>set</c> or <c>init</c>, with its own modifiers.</summary>
internal sealed record AccessorSpec(string Modifiers, string Keyword);
