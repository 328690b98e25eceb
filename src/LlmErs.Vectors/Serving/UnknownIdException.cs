namespace LlmErs.Vectors;

/// <summary>
/// A request named a user or an item the served model does not know. A host maps it to "not found" (HTTP 404); it is a
/// <see cref="KeyNotFoundException"/>, so code that catches that keeps working.
/// </summary>
public sealed class UnknownIdException : KeyNotFoundException
{
    /// <summary>Creates the exception for <paramref name="id"/> of <paramref name="kind"/>.</summary>
    public UnknownIdException(ServingIdKind kind, string id, string message)
        : base(message)
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>Whether a user or an item was unknown.</summary>
    public ServingIdKind Kind { get; }

    /// <summary>The unknown id.</summary>
    public string Id { get; }
}

/// <summary>What an id in a serving request names.</summary>
public enum ServingIdKind
{
    /// <summary>A user.</summary>
    User,

    /// <summary>An item.</summary>
    Item,
}
