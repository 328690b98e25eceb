namespace LlmErs.Recommenders;

/// <summary>Which columns (CSV) or fields (JSON Lines) of an interaction file hold what; see <see cref="InteractionFileLoader"/>.</summary>
public sealed class InteractionFileOptions
{
    /// <summary>The user id column; <c>user_id</c> by default.</summary>
    public string UserColumn { get; init; } = "user_id";

    /// <summary>The item id column; <c>item_id</c> by default.</summary>
    public string ItemColumn { get; init; } = "item_id";

    /// <summary>
    /// The timestamp column (Unix seconds or ISO 8601); <c>timestamp</c> by default. When null, the row number is the
    /// timestamp, so time-based splits follow file order.
    /// </summary>
    public string? TimestampColumn { get; init; } = "timestamp";

    /// <summary>The rating or label column (a number, or true/false); none by default.</summary>
    public string? RatingColumn { get; init; }

    /// <summary>The CSV delimiter; a comma by default (use '\t' for TSV). Ignored for JSON Lines.</summary>
    public char Delimiter { get; init; } = ',';
}
