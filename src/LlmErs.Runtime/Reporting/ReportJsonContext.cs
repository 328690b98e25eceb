using System.Text.Json.Serialization;

namespace LlmErs;

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EnrichmentReport))]
[JsonSerializable(typeof(EnrichmentEstimate))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
