namespace LlmErs.Recommenders;

/// <summary>How a <see cref="DataSplit"/> was made.</summary>
public enum SplitProtocol
{
    /// <summary>Per user by time: last interaction to test, second-last to validation (<see cref="LeaveOneOutSplitter"/>).</summary>
    LeaveOneOut,

    /// <summary>One global time cut-off per part (<see cref="TemporalSplitter"/>).</summary>
    Temporal,

    /// <summary>A seeded random partition of the interactions (<see cref="RandomSplitter"/>).</summary>
    Random,

    /// <summary>A seeded share of items withheld from training entirely (<see cref="ColdItemSplitter"/>).</summary>
    ColdItem,
}
