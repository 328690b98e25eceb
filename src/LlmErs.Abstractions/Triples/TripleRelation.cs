namespace LlmErs;

/// <summary>A relation of a triples field and the canonical tails it allows (<see cref="AnswerConstraints.Relations"/>).</summary>
public sealed class TripleRelation
{
    /// <summary>Creates the relation; the entity list is copied.</summary>
    /// <exception cref="ArgumentException">The name is blank or there are no entities.</exception>
    public TripleRelation(string name, IReadOnlyList<string> entities)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count == 0)
        {
            throw new ArgumentException($"Relation '{name}' needs at least one entity.", nameof(entities));
        }

        Name = name;
        Entities = Array.AsReadOnly([.. entities]);
    }

    /// <summary>The relation's name.</summary>
    public string Name { get; }

    /// <summary>The allowed tails, in declared order.</summary>
    public IReadOnlyList<string> Entities { get; }
}
