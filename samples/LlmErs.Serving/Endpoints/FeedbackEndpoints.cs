using Microsoft.AspNetCore.Mvc;
using LlmErs.Vectors;

namespace LlmErs.Serving.Endpoints;

/// <summary>POST /feedback: clicks and conversions, appended to the exposure log for the A/B report.</summary>
internal static class FeedbackEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapPost("/feedback", (FeedbackRequest request, [FromServices] ExposureLogWriter? log) =>
        {
            if (string.IsNullOrEmpty(request.RequestId) || string.IsNullOrEmpty(request.ItemId))
            {
                return Problems.BadRequest("requestId and itemId are required.");
            }

            if (log is null)
            {
                return Problems.BadRequest("The exposure log is off (--exposure-log none), so feedback cannot be recorded.");
            }

            // Not checked against the requests served: that would need state here; the report counts unmatched feedback instead.
            log.Append(new FeedbackRecord(request.RequestId, DateTimeOffset.UtcNow, request.ItemId, request.Kind));
            return Results.Accepted();
        });
}
