using System.Text.Json.Serialization;

namespace LlmErs;

// One context for every report and manifest the runtime writes, so they share one JSON shape.

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EnrichmentReport))]
[JsonSerializable(typeof(EnrichmentEstimate))]
[JsonSerializable(typeof(PipelineReport))]
[JsonSerializable(typeof(RunManifest))]
[JsonSerializable(typeof(GovernanceReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
