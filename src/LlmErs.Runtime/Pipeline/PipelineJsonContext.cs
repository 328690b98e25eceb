using System.Text.Json.Serialization;

namespace LlmErs;

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PipelineReport))]
[JsonSerializable(typeof(RunManifest))]
[JsonSerializable(typeof(GovernanceReport))]
internal sealed partial class PipelineJsonContext : JsonSerializerContext;
