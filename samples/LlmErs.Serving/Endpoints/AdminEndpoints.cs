using LlmErs.Serving.Models;
using LlmErs.Serving.Routing;
using LlmErs.Vectors;
using Microsoft.AspNetCore.Mvc;

namespace LlmErs.Serving.Endpoints;

/// <summary>
/// Operations while serving: swap a model in, change the split, read the A/B report. They change what users get, so a
/// real deployment puts them behind authorization or on an internal port.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/admin/reload", async (string? arm, string? from, ModelReloader reloader, CancellationToken cancellationToken) =>
        {
            arm ??= TrafficSplit.Control;
            try
            {
                var model = await reloader.ReloadAsync(arm, from, cancellationToken);
                return Results.Ok(new ArmHealth(arm, model.Version, model.ItemCount));
            }
            catch (Exception e) when (e is ServingSetupException or ArgumentException)
            {
                return Problems.BadRequest(e.Message);
            }
        });

        app.MapPut("/admin/split", (SplitRequest request, ArmRouter router) =>
        {
            try
            {
                router.Split = new TrafficSplit(request.Experiment ?? router.Split.Experiment, request.TreatmentPercent);
                return Results.Ok(new { router.Split.Experiment, router.Split.TreatmentPercent });
            }
            catch (ArgumentException e)
            {
                return Problems.BadRequest(e.Message);
            }
        });

        app.MapGet("/admin/ab-report", ([FromServices] ExposureLogWriter? log) =>
            log is null
                ? Problems.BadRequest("The exposure log is off (--exposure-log none); there is nothing to report.")
                : Results.Ok(RolloutStatistics.Compute(log.Path).Compare(TrafficSplit.Treatment, TrafficSplit.Control)));
    }
}
