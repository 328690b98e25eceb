namespace LlmErs;

/// <summary>How a request asks for an answer that matches the field's JSON schema.</summary>
public enum StructuredOutputMode
{
    /// <summary>Through the provider's structured-output support (<c>ChatResponseFormat.ForJsonSchema</c>).</summary>
    JsonSchema,

    /// <summary>
    /// For providers without JSON-schema support: the schema is written into the system message and JSON mode is
    /// requested. Answers are validated the same way.
    /// </summary>
    SchemaInPrompt,
}
