namespace LlmErs;

/// <summary>One row of a triples file (<see cref="TriplesFile"/>).</summary>
/// <param name="Head">The key of the item the triple is about.</param>
/// <param name="Relation">The relation.</param>
/// <param name="Tail">The tail entity.</param>
/// <param name="Status">What the model did with it: <c>added</c>, <c>kept</c>, <c>fixed</c> or <c>dropped</c> (<see cref="TripleStatus"/>, lower case).</param>
/// <param name="Source">The triples field that produced it, e.g. <c>Facts</c>.</param>
/// <param name="Reason">The model's reason for a correction's verdict; <see langword="null"/> for completions.</param>
public sealed record TripleRecord(string Head, string Relation, string Tail, string Status, string Source, string? Reason);
