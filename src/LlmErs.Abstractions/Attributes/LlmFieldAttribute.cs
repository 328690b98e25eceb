namespace LlmErs;

/// <summary>
/// Base of the attributes that declare a field an LLM writes from a prompt.
/// The prompt is a Scriban template over the item's members (snake_case names, e.g.
/// <c>{{ release_year }}</c>); the generator checks and compiles it at build time.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public abstract class LlmFieldAttribute(string template) : Attribute
{
    /// <summary>The Scriban prompt template.</summary>
    public string Template { get; } = template;

    /// <summary>Optional system instructions sent with every request for this field.</summary>
    public string? Instructions { get; set; }

    /// <summary>Optional description of the answer; it goes into the field's JSON schema.</summary>
    public string? Description { get; set; }
}
