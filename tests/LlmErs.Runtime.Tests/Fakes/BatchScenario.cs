namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>How a <see cref="FakeBatchServer"/> behaves; settable while it runs (a restarted run meets a batch that has moved on).</summary>
public sealed class BatchScenario
{
    /// <summary>Decides each request line's answer, by the same markers as the live fakes.</summary>
    public FaultScript Answers { get; init; } = new();

    /// <summary>Status requests answered "in_progress" before a batch ends.</summary>
    public int PollsBeforeEnd { get; set; } = 1;

    /// <summary>The status a batch ends with: completed, expired, cancelled or failed.</summary>
    public string EndStatus { get; set; } = "completed";

    /// <summary>With an end status other than completed: how many of a batch's lines were answered before it ended.</summary>
    public int AnsweredLines { get; set; }

    /// <summary>Status requests answered 503 before the server answers them normally.</summary>
    public int FailingPolls { get; set; }

    /// <summary>When set, uploads are refused with this HTTP status (and an error body echoing the Authorization header).</summary>
    public int? UploadStatus { get; set; }
}
