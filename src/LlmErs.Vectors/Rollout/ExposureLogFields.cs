namespace LlmErs.Vectors;

/// <summary>The exposure log's field names and values, shared by the writer and the reader so they cannot drift.</summary>
internal static class ExposureLogFields
{
    public const string Type = "type";
    public const string Exposure = "exposure";
    public const string Feedback = "feedback";
    public const string RequestId = "requestId";
    public const string Time = "time";
    public const string User = "user";
    public const string Arm = "arm";
    public const string Items = "items";
    public const string Item = "item";
    public const string Kind = "kind";
    public const string Click = "click";
    public const string Conversion = "conversion";
}
