namespace LlmErs.Recommenders;

/// <summary>
/// A training, validation and test partition of one <see cref="InteractionLog"/>. The three logs share the source
/// log's id maps, so user and item indices agree across them, with models and with evaluation.
/// </summary>
public sealed class DataSplit
{
    internal const byte TrainPart = 0;
    internal const byte ValidationPart = 1;
    internal const byte TestPart = 2;

    internal DataSplit(
        SplitProtocol protocol,
        InteractionLog train,
        InteractionLog validation,
        InteractionLog test,
        IReadOnlyList<int>? withheldTestItems = null,
        IReadOnlyList<int>? withheldValidationItems = null)
    {
        Protocol = protocol;
        Train = train;
        Validation = validation;
        Test = test;
        WithheldTestItems = withheldTestItems ?? [];
        WithheldValidationItems = withheldValidationItems ?? [];
    }

    /// <summary>How the split was made.</summary>
    public SplitProtocol Protocol { get; }

    /// <summary>The interactions a model may learn from.</summary>
    public InteractionLog Train { get; }

    /// <summary>The interactions for model selection and early stopping; may be empty.</summary>
    public InteractionLog Validation { get; }

    /// <summary>The interactions the final evaluation scores.</summary>
    public InteractionLog Test { get; }

    /// <summary>For <see cref="SplitProtocol.ColdItem"/>: the items, absent from training, whose interactions form the test log (ascending); otherwise empty.</summary>
    public IReadOnlyList<int> WithheldTestItems { get; }

    /// <summary>For <see cref="SplitProtocol.ColdItem"/>: the items, absent from training, whose interactions form the validation log (ascending); otherwise empty.</summary>
    public IReadOnlyList<int> WithheldValidationItems { get; }

    /// <summary>Maps user indices to source ids (shared by the three logs).</summary>
    public IdMap UserIds => Train.UserIds;

    /// <summary>Maps item indices to source ids (shared by the three logs).</summary>
    public IdMap ItemIds => Train.ItemIds;

    /// <summary>The size of the user index space.</summary>
    public int UserCount => Train.UserCount;

    /// <summary>The size of the item index space: every model scores this many items.</summary>
    public int ItemCount => Train.ItemCount;

    /// <summary>Partitions <paramref name="log"/> by a part number per row (0 train, 1 validation, 2 test), keeping row order.</summary>
    internal static DataSplit FromParts(
        SplitProtocol protocol,
        InteractionLog log,
        ReadOnlySpan<byte> parts,
        IReadOnlyList<int>? withheldTestItems = null,
        IReadOnlyList<int>? withheldValidationItems = null)
    {
        var rows = new List<int>[] { new(parts.Length), [], [] };
        for (var row = 0; row < parts.Length; row++)
        {
            rows[parts[row]].Add(row);
        }

        return new DataSplit(
            protocol,
            log.Select(rows[TrainPart].ToArray()),
            log.Select(rows[ValidationPart].ToArray()),
            log.Select(rows[TestPart].ToArray()),
            withheldTestItems,
            withheldValidationItems);
    }
}
