using LlmErs;

namespace LlmErs.Generators.Tests.Diagnostics;

#pragma warning disable LLMERS0010 // deliberately keyless: proves generator diagnostics obey #pragma
[Enrichable]
public partial class SuppressedByPragma
#pragma warning restore LLMERS0010
{
    [LlmText("Say hello")]
    public partial string? Pitch { get; set; }
}
