using LlmErs.Serving.Routing;
using LlmErs.Vectors;

namespace LlmErs.Serving.Endpoints;

/// <summary>GET /health: the model version and item count of each arm, and the split.</summary>
internal static class HealthEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapGet("/health", (ArmRouter router) =>
        {
            var arms = new[] { Arm(TrafficSplit.Control, router), Arm(TrafficSplit.Treatment, router) };
            var split = router.Split;
            return Results.Ok(new HealthResponse(arms[0].ModelVersion is null ? "no model" : "ok", arms, split.Experiment, split.TreatmentPercent));
        });

    private static ArmHealth Arm(string arm, ArmRouter router) =>
        router[arm].Current is { } model ? new ArmHealth(arm, model.Version, model.ItemCount) : new ArmHealth(arm, null, 0);
}
