namespace LlmErs;

/// <summary>
/// One relation of an <see cref="LlmTriplesAttribute"/> field and the entities its tails are normalized to; put one per
/// relation on the same property.
/// </summary>
/// <param name="name">The relation's name as the model and the triples file see it, e.g. <c>"has_theme"</c>.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
public sealed class LlmRelationAttribute(string name) : Attribute
{
    /// <summary>The relation's name.</summary>
    public string Name { get; } = name;

    /// <summary>The canonical tails of this relation. Required, non-empty, without duplicates.</summary>
    public string[] Entities { get; set; } = [];
}
