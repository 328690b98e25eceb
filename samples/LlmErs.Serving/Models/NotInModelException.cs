namespace LlmErs.Serving.Models;

/// <summary>A request named a user or item the served model does not know; the host answers 404.</summary>
/// <remarks>
/// A <see cref="KeyNotFoundException"/>, like the exported <c>ServingModel</c>'s unknown-id error, so the endpoints map
/// both to 404 with one catch and a model adapter needs no translation.
/// </remarks>
public sealed class NotInModelException(string kind, string id)
    : KeyNotFoundException($"The model does not know the {kind} '{id}'.")
{
    /// <summary>"user" or "item".</summary>
    public string Kind { get; } = kind;

    /// <summary>The unknown id.</summary>
    public string Id { get; } = id;
}
