namespace LlmErs;

/// <summary>
/// Implemented by the generator on every <see cref="EnrichableAttribute"/> type, so that the runtime reaches the
/// type's fields, prompts, schemas and parsers through a static member, with no reflection.
/// </summary>
public interface IEnrichable<TSelf> where TSelf : IEnrichable<TSelf>
{
    /// <summary>The generated description of the type's derived fields.</summary>
    static abstract EnrichmentModel<TSelf> EnrichmentModel { get; }
}
