using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Scriban.Runtime;

namespace LlmErs.Generators.Templates;

/// <summary>A member of a type under the name Scriban gives it.</summary>
/// <param name="Candidates">
/// The members of one type level that share this name; more than one means Scriban's pick depends on reflection order.
/// </param>
internal sealed record ScribanMember(string Name, ISymbol Symbol, ITypeSymbol Type, IReadOnlyList<ISymbol> Candidates)
{
    public bool IsAmbiguous => Candidates.Count > 1;
}

/// <summary>
/// The members Scriban sees on a type: public fields (not constants) and properties with a public getter (not indexers),
/// of the type and its bases, renamed by <see cref="StandardMemberRenamer"/>, a derived member hiding a base one.
/// Members carrying <c>[ScriptMemberIgnore]</c> are left out, as Scriban does.
/// </summary>
internal sealed class ScribanMembers
{
    private const string IgnoreAttribute = "Scriban.Runtime.ScriptMemberIgnoreAttribute";

    private readonly Dictionary<string, ScribanMember> _members = new();
    private readonly List<string> _names = new();

    private ScribanMembers()
    {
    }

    /// <summary>The Scriban names, most derived type first, in declaration order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>
    /// The members of <paramref name="type"/>. Static ones count only for the model object itself, which
    /// <c>Template.Render</c> imports with its statics; nested objects are read through instance members only.
    /// </summary>
    public static ScribanMembers Of(ITypeSymbol type, bool includeStatic)
    {
        var table = new ScribanMembers();
        for (var level = type; level is not null; level = level.BaseType)
        {
            foreach (var group in level.GetMembers().Where(m => IsVisible(m, includeStatic)).GroupBy(m => StandardMemberRenamer.Rename(m.Name)))
            {
                if (!table._members.ContainsKey(group.Key))
                {
                    var candidates = group.ToList();
                    table._members.Add(group.Key, new ScribanMember(group.Key, candidates[0], TypeOf(candidates[0]), candidates));
                    table._names.Add(group.Key);
                }
            }

            // Scriban stops below System.Object (and walks System.ValueType for structs, which adds nothing).
            if (level.BaseType?.SpecialType == SpecialType.System_Object)
            {
                break;
            }
        }

        return table;
    }

    public bool TryGet(string name, out ScribanMember member) => _members.TryGetValue(name, out member!);

    private static bool IsVisible(ISymbol member, bool includeStatic)
    {
        if (member.IsStatic && !includeStatic)
        {
            return false;
        }

        var visible = member switch
        {
            IFieldSymbol field => field.DeclaredAccessibility == Accessibility.Public && !field.IsConst,
            IPropertySymbol property => !property.IsIndexer && property.GetMethod?.DeclaredAccessibility == Accessibility.Public,
            _ => false,
        };
        return visible && !member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == IgnoreAttribute);
    }

    private static ITypeSymbol TypeOf(ISymbol member) => member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type;
}
