using System.Text.Json.Serialization;
using LlmErs.Vectors;

namespace LlmErs.Serving.Endpoints;

/// <summary>
/// The host's request and response types, serialized by generated code rather than reflection-built metadata. It sits
/// first in the resolver chain and takes the host's options (camelCase, string enums), so the JSON is unchanged.
/// </summary>
[JsonSerializable(typeof(RecommendationResponse))]
[JsonSerializable(typeof(HistoryRequest))]
[JsonSerializable(typeof(FeedbackRequest))]
[JsonSerializable(typeof(SplitRequest))]
[JsonSerializable(typeof(ArmHealth))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ArmComparison))]
internal sealed partial class ServingJsonContext : JsonSerializerContext;
