namespace LlmErs;

/// <summary>
/// One item of a user's history, as a user type's templates read it: the item itself (with its derived fields, when it
/// is an <see cref="EnrichableAttribute"/> type), when the user met it, and the rating they gave, if any.
/// </summary>
/// <remarks>
/// A template reads it as <c>{{ for h in history limit:30 }}{{ h.item.title }}{{ if h.rating }} ({{ h.rating }}){{ end }}{{ end }}</c>.
/// Build histories from training interactions only (for example with <c>UserHistories.FromTraining</c> in
/// LlmErs.Recommenders), so that no held-out interaction reaches a prompt.
/// </remarks>
/// <typeparam name="TItem">The item type.</typeparam>
/// <param name="Item">The item.</param>
/// <param name="Timestamp">When the interaction happened, in seconds since the Unix epoch (or the row number when the source had no time).</param>
/// <param name="Rating">The user's rating of the item; null when the log has none.</param>
public sealed record HistoryEntry<TItem>(TItem Item, long Timestamp, float? Rating);
