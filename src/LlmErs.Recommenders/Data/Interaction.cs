namespace LlmErs.Recommenders;

/// <summary>One row of an <see cref="InteractionLog"/>.</summary>
/// <param name="User">The dense user index (see <see cref="InteractionLog.UserIds"/>).</param>
/// <param name="Item">The dense item index (see <see cref="InteractionLog.ItemIds"/>).</param>
/// <param name="Timestamp">When it happened, in seconds since the Unix epoch (or the row number when the source had no time).</param>
/// <param name="Rating">The rating or label, when the log has one.</param>
public readonly record struct Interaction(int User, int Item, long Timestamp, float? Rating);
