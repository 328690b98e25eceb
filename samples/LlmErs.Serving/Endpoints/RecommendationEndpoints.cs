using Microsoft.AspNetCore.Mvc;
using LlmErs.Serving.Models;
using LlmErs.Serving.Routing;
using LlmErs.Vectors;

namespace LlmErs.Serving.Endpoints;

/// <summary>The top-K endpoints: for a user, for a history, and similar items.</summary>
internal static class RecommendationEndpoints
{
    /// <summary>The key of <see cref="HttpContext.Items"/> that carries the arm to the metrics middleware.</summary>
    public const string ArmItem = "llmers.arm";

    public static void Map(WebApplication app)
    {
        app.MapGet("/recommendations/{user}", (string user, int? count, HttpContext context, ArmRouter router, [FromServices] ExposureLogWriter? log) =>
            Serve(context, router, log, user, count ?? 10, model => model.RecommendForUser(user, count ?? 10)));

        app.MapPost("/recommendations", (HistoryRequest request, HttpContext context, ArmRouter router, [FromServices] ExposureLogWriter? log) =>
            request.Items is not { Count: > 0 } items
                ? Problems.BadRequest("items must list at least one item id.")
                // Without a user, the history itself is the split key, so a repeated anonymous request stays in its arm.
                : Serve(context, router, log, request.User ?? string.Join('\n', items), request.Count, model => model.RecommendForHistory(items, request.Count)));

        // Similar items serve a page, not a user: the optional user only chooses the arm.
        app.MapGet("/similar/{item}", (string item, int? count, string? user, HttpContext context, ArmRouter router, [FromServices] ExposureLogWriter? log) =>
            Serve(context, router, log, user ?? item, count ?? 10, model => model.SimilarItems(item, count ?? 10)));
    }

    private static IResult Serve(
        HttpContext context, ArmRouter router, [FromServices] ExposureLogWriter? log, string splitKey, int count, Func<IRecommendationModel, IReadOnlyList<Recommendation>> query)
    {
        if (Problems.CheckCount(count) is { } invalid)
        {
            return invalid;
        }

        var arm = router.ArmOf(splitKey);
        context.Items[ArmItem] = arm;
        if (!router[arm].TryAcquire(out var lease))
        {
            return Problems.Unavailable($"The {arm} arm serves no model; load one with POST /admin/reload.");
        }

        IReadOnlyList<Recommendation> items;
        string version;
        using (lease)
        {
            try
            {
                items = query(lease.Model);
                version = lease.Model.Version;
            }
            // Every model's unknown-id error is a KeyNotFoundException (the content adapter's and ServingModel's alike).
            catch (KeyNotFoundException e)
            {
                return Problems.NotFound(e.Message);
            }
        }

        var requestId = Guid.NewGuid().ToString("N");
        log?.Append(new ExposureRecord(requestId, DateTimeOffset.UtcNow, splitKey, arm, [.. items.Select(i => i.ItemId)]));
        context.Response.Headers["X-Request-Id"] = requestId;
        context.Response.Headers["X-Arm"] = arm;
        context.Response.Headers["X-Model-Version"] = version;
        return Results.Ok(new RecommendationResponse(requestId, arm, version, items));
    }
}
