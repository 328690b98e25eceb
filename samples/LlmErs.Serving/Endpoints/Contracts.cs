using LlmErs.Vectors;

namespace LlmErs.Serving.Endpoints;

/// <summary>A recommendation response: the request id that feedback refers to, the arm and model version that answered.</summary>
public sealed record RecommendationResponse(string RequestId, string Arm, string ModelVersion, IReadOnlyList<Recommendation> Items);

/// <summary>POST /recommendations: a history of item ids; the user, when known, keeps them in the same A/B arm.</summary>
public sealed record HistoryRequest(IReadOnlyList<string>? Items, int Count = 10, string? User = null);

/// <summary>POST /feedback: a click or conversion on an item of a response.</summary>
public sealed record FeedbackRequest(string? RequestId, string? ItemId, FeedbackKind Kind = FeedbackKind.Click);

/// <summary>PUT /admin/split: the treatment's new share, and optionally a new experiment (which reshuffles users).</summary>
public sealed record SplitRequest(double TreatmentPercent, string? Experiment = null);

/// <summary>One arm in /health.</summary>
public sealed record ArmHealth(string Arm, string? ModelVersion, int Items);

/// <summary>GET /health.</summary>
public sealed record HealthResponse(string Status, IReadOnlyList<ArmHealth> Arms, string Experiment, double TreatmentPercent);
