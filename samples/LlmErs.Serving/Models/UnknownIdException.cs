namespace LlmErs.Serving.Models;

/// <summary>A request named a user or item the served model does not know; the host answers 404.</summary>
public sealed class UnknownIdException(string kind, string id)
    : Exception($"The model does not know the {kind} '{id}'.")
{
    /// <summary>"user" or "item".</summary>
    public string Kind { get; } = kind;

    /// <summary>The unknown id.</summary>
    public string Id { get; } = id;
}
