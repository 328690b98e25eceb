namespace LlmErs.Serving.Endpoints;

/// <summary>The host's error answers, as RFC 9457 problem details.</summary>
internal static class Problems
{
    public static IResult NotFound(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Unknown id");

    public static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");

    public static IResult Unavailable(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "No model");

    /// <summary>The count check every top-K endpoint shares.</summary>
    public static IResult? CheckCount(int count) =>
        count is < 1 or > ServingOptions.MaxCount ? BadRequest($"count must be between 1 and {ServingOptions.MaxCount}; it was {count}.") : null;
}
