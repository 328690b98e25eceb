using System;
using System.Collections.Generic;
using System.Linq;
using LlmErs.Generators.Diagnostics;
using LlmErs.Generators.Model;
using LlmErs.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace LlmErs.Generators.Parsing;

/// <summary>Reads an [LlmTriples] property's options: its [LlmRelation]s, Max and the Given triples of a correction.</summary>
internal sealed class TriplesParser(INamedTypeSymbol owner, IPropertySymbol property, AttributeReader reader, List<DiagnosticInfo> diagnostics)
{
    public FieldOptions Read()
    {
        var relations = ReadRelations();
        var given = ReadGiven();
        // A catalog relation's entities are the run's items, so they bound nothing here.
        var possible = relations.Any(r => r.Catalog) ? int.MaxValue : relations.Sum(r => r.Entities.Count);
        var max = reader.Int("Max", 0);
        if (max < 0)
        {
            Report(DiagnosticDescriptors.InvalidFieldOption, LocationInfo.From(reader.NamedArgumentSyntax("Max")?.Parent),
                "LlmTriples", property.Name, $"Max is {max}; use 0 (one triple per relation and entity) or more");
        }
        else if (max == 0 && given is null && relations.FirstOrDefault(r => r.Catalog) is { } catalog)
        {
            Report(DiagnosticDescriptors.CatalogTriplesWithoutMax, LocationInfo.From(reader.Syntax), property.Name, catalog.Name);
        }

        return new FieldOptions(
            MaxCount: max > 0 ? Math.Min(max, Math.Max(possible, 1)) : Math.Max(possible, 1),
            Source: given,
            Relations: relations.ToEquatableArray());
    }

    private List<RelationSpec> ReadRelations()
    {
        var relations = new List<RelationSpec>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var malformed = false;
        foreach (var attribute in property.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.LlmRelation))
        {
            var relation = new AttributeReader(attribute);
            if (relation.IsMalformed)
            {
                malformed = true;
                continue;
            }

            var location = LocationInfo.From(relation.Syntax);
            var name = relation.ConstructorString(0)?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                Report(DiagnosticDescriptors.BadRelationName, location, property.Name, "the relation's name is blank; give it a name such as \"has_theme\"");
                malformed = true;
                continue;
            }

            if (!names.Add(name!))
            {
                Report(DiagnosticDescriptors.BadRelationName, location, property.Name, $"the relation '{name}' is declared twice; remove one");
                malformed = true;
                continue;
            }

            var entities = relation.Strings("Entities");
            var catalog = relation.Bool("CatalogItems", false);
            if (catalog && entities.Count == 0)
            {
                relations.Add(new RelationSpec(name!, default, Catalog: true));
                continue;
            }

            var problem = catalog
                ? $"the relation '{name}' lists Entities and sets CatalogItems; its tails are either the listed entities or the catalog's items, so remove one"
                : entities.Count == 0
                ? $"the relation '{name}' has no Entities; list the tails it allows, e.g. Entities = [\"a\", \"b\"], or set CatalogItems = true for the catalog's items"
                : entities.Any(e => e is null || e.Trim().Length == 0)
                    ? $"an entity of the relation '{name}' is blank; every entity must have visible text"
                    : entities.GroupBy(e => e!.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } repeated
                        ? $"the relation '{name}' lists the entity '{repeated.Key}' twice; remove the duplicate"
                        : null;
            if (problem is not null)
            {
                Report(DiagnosticDescriptors.BadRelationName, LocationInfo.From(relation.NamedArgumentSyntax("Entities")?.Parent) ?? location, property.Name, problem);
                malformed = true;
                continue;
            }

            relations.Add(new RelationSpec(name!, entities.Select(e => e!.Trim()).ToEquatableArray()));
        }

        // A relation reported above is the problem to fix; saying "no relation" beside it would mislead.
        if (relations.Count == 0 && !malformed)
        {
            Report(DiagnosticDescriptors.TriplesWithoutRelations, LocationInfo.From(reader.Syntax), property.Name);
        }

        return relations;
    }

    private string? ReadGiven()
    {
        if (!reader.Has("Given"))
        {
            return null;
        }

        var given = reader.String("Given") ?? "";
        var member = owner.GetMembers(given).FirstOrDefault(m => m is IPropertySymbol or IFieldSymbol);
        var type = (member as IPropertySymbol)?.Type ?? (member as IFieldSymbol)?.Type;
        if (!TypeShapes.IsTripleList(type))
        {
            var found = member is null ? "which is no member" : $"a member of type '{type?.ToDisplayString()}'";
            Report(DiagnosticDescriptors.BadGivenTriples, LocationInfo.From(reader.NamedArgumentSyntax("Given")) ?? LocationInfo.From(reader.Syntax),
                property.Name, given, found, owner.Name);
        }
        else if (string.Equals(given, property.Name, StringComparison.Ordinal))
        {
            Report(DiagnosticDescriptors.BadGivenTriples, LocationInfo.From(reader.NamedArgumentSyntax("Given")) ?? LocationInfo.From(reader.Syntax),
                property.Name, given, "the field itself, not a member", owner.Name);
        }

        return given;
    }

    private void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args) =>
        diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));
}
