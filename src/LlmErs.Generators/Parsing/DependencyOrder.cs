using System.Collections.Generic;
using System.Linq;
using LlmErs.Generators.Model;
using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Parsing;

/// <summary>
/// Orders derived fields so each comes after the derived fields it reads (a stable topological sort that keeps
/// declaration order where it is free), and finds cycles.
/// </summary>
internal static class DependencyOrder
{
    /// <summary>The fields in dependency order with <see cref="FieldSpec.DependsOn"/> filled in, or a cycle.</summary>
    public static (IReadOnlyList<FieldSpec> Ordered, IReadOnlyList<string>? Cycle) Sort(IReadOnlyList<ParsedField> fields)
    {
        var names = new HashSet<string>(fields.Select(f => f.Spec.Property.Name));
        var dependsOn = fields.ToDictionary(
            f => f.Spec.Property.Name,
            f => f.Reads.Where(names.Contains).Distinct().ToList());

        var done = new HashSet<string>();
        var ordered = new List<FieldSpec>();
        while (ordered.Count < fields.Count)
        {
            var next = fields.FirstOrDefault(f => !done.Contains(f.Spec.Property.Name) && dependsOn[f.Spec.Property.Name].All(done.Contains));
            if (next is null)
            {
                return (ordered, FindCycle(fields.Where(f => !done.Contains(f.Spec.Property.Name)).Select(f => f.Spec.Property.Name).ToList(), dependsOn));
            }

            done.Add(next.Spec.Property.Name);
            ordered.Add(next.Spec with { DependsOn = dependsOn[next.Spec.Property.Name].ToEquatableArray() });
        }

        return (ordered, null);
    }

    /// <summary>Walks dependencies among the unresolved fields until a name repeats: that loop is a cycle.</summary>
    private static IReadOnlyList<string> FindCycle(List<string> unresolved, Dictionary<string, List<string>> dependsOn)
    {
        var path = new List<string>();
        var current = unresolved[0];
        while (!path.Contains(current))
        {
            path.Add(current);
            current = dependsOn[current].First(unresolved.Contains);
        }

        var cycle = path.Skip(path.IndexOf(current)).ToList();
        cycle.Add(current);
        return cycle;
    }
}
