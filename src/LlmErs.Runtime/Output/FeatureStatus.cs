namespace LlmErs;

/// <summary>
/// The status of one derived field of one item, written beside the value in the feature files (<c>Field_status</c>):
/// <c>ok</c>, <c>unknown</c>, <c>failed: &lt;reason&gt;</c> or <c>quarantined: &lt;gate&gt;</c>. Only <c>ok</c> and
/// <c>unknown</c> carry a value; the others' value columns are null (or empty lists and vectors).
/// </summary>
public readonly record struct FeatureStatus
{
    private const int MaxDetailLength = 200;

    private FeatureStatus(FeatureStatusKind kind, string? detail)
    {
        Kind = kind;
        Detail = detail;
    }

    /// <summary>A valid value.</summary>
    public static FeatureStatus Ok { get; } = new(FeatureStatusKind.Ok, null);

    /// <summary>A valid "cannot tell" answer: the value is null.</summary>
    public static FeatureStatus Unknown { get; } = new(FeatureStatusKind.Unknown, null);

    /// <summary>What the value is worth.</summary>
    public FeatureStatusKind Kind { get; }

    /// <summary>Why the field failed, or the gate that quarantined it; <see langword="null"/> otherwise.</summary>
    public string? Detail { get; }

    /// <summary>Whether the outputs carry the value: <see cref="FeatureStatusKind.Ok"/> or <see cref="FeatureStatusKind.Unknown"/>.</summary>
    public bool HasValue => Kind is FeatureStatusKind.Ok or FeatureStatusKind.Unknown;

    /// <summary>A failure; <paramref name="reason"/> is cut to its first line and 200 characters, so a status stays a label.</summary>
    public static FeatureStatus Failed(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var line = reason.AsSpan();
        var end = line.IndexOfAny('\r', '\n');
        line = end >= 0 ? line[..end] : line;
        return new(FeatureStatusKind.Failed, line.Length > MaxDetailLength ? $"{line[..(MaxDetailLength - 1)]}…" : line.ToString());
    }

    /// <summary>A value held back by the gate named <paramref name="gate"/>.</summary>
    public static FeatureStatus Quarantined(string gate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gate);
        return new(FeatureStatusKind.Quarantined, gate);
    }

    /// <summary>The status as written to the feature files.</summary>
    public override string ToString() => Kind switch
    {
        FeatureStatusKind.Ok => "ok",
        FeatureStatusKind.Unknown => "unknown",
        FeatureStatusKind.Failed => $"failed: {Detail}",
        FeatureStatusKind.Quarantined => $"quarantined: {Detail}",
        _ => "pending",
    };
}
