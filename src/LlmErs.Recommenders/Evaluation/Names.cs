
namespace LlmErs.Recommenders;

/// <summary>The words evaluation descriptions and messages use for targets and protocols.</summary>
internal static class Names
{
    public static string Of(EvaluationTarget target) => target == EvaluationTarget.Test ? "test" : "validation";

    /// <summary>What a target's evaluation masks.</summary>
    public static string MaskedBy(EvaluationTarget target) => target == EvaluationTarget.Test ? "training and validation" : "training";

    public static string Of(SplitProtocol protocol) => protocol switch
    {
        SplitProtocol.LeaveOneOut => "leave-one-out",
        SplitProtocol.Temporal => "temporal",
        SplitProtocol.Random => "random",
        SplitProtocol.ColdItem => "cold-item",
        _ => protocol.ToString(),
    };
}
