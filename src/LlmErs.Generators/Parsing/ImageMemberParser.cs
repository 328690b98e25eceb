using System.Collections.Generic;
using System.Linq;
using LlmErs.Generators.Diagnostics;
using LlmErs.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace LlmErs.Generators.Parsing;

/// <summary>
/// Checks the member an LLM field's or an image embedding's <c>Images</c> option names: it must exist, be readable by generated code, hold a
/// type <c>LlmErs.ItemImages.Of</c> accepts, and be item data rather than a derived field.
/// </summary>
internal sealed class ImageMemberParser(INamedTypeSymbol owner, Compilation compilation, List<DiagnosticInfo> diagnostics)
{
    private const string Option = "Images";
    private const string Accepted = "ItemImage, a list of ItemImage, a file path or http(s) address (string) or a list of them, a Uri, byte[] or ReadOnlyMemory<byte>";

    /// <summary>The member's name, or null when the option is absent or has errors (which are recorded).</summary>
    public string? Read(AttributeReader reader, IPropertySymbol property, string shortName)
    {
        if (!reader.Has(Option))
        {
            return null;
        }

        var name = reader.String(Option) ?? "";
        var location = LocationInfo.From(reader.NamedArgumentSyntax(Option)) ?? LocationInfo.From(reader.Syntax);
        var member = name.Length == 0 ? null : MemberUsability.Find(owner, name);
        if (member is null)
        {
            Report(DiagnosticDescriptors.ImagesMemberNotFound, location, shortName, property.Name, name, owner.Name);
            return null;
        }

        if (MemberUsability.Problem(member, owner, owner, compilation) is { } problem)
        {
            Report(DiagnosticDescriptors.UnreadableImagesMember, location, shortName, property.Name, name, problem);
            return null;
        }

        if (member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is { } attribute && KnownNames.FieldAttributes.Contains(attribute)))
        {
            Report(DiagnosticDescriptors.ImagesMemberIsDerived, location, shortName, property.Name, name);
            return null;
        }

        var type = member is IPropertySymbol p ? p.Type : ((IFieldSymbol)member).Type;
        if (type.TypeKind != TypeKind.Error && !IsImageType(type))
        {
            Report(DiagnosticDescriptors.UnsupportedImagesType, location, shortName, property.Name, name, type.ToDisplayString(), Accepted);
            return null;
        }

        return name;
    }

    /// <summary>Whether one of the <c>ItemImages.Of</c> overloads takes a value of <paramref name="type"/>.</summary>
    private static bool IsImageType(ITypeSymbol type)
    {
        if (IsSingle(type) || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
        {
            return true;
        }

        if (type is INamedTypeSymbol { TypeArguments.Length: 1 } memory
            && memory.OriginalDefinition.ToDisplayString() == "System.ReadOnlyMemory<T>"
            && memory.TypeArguments[0].SpecialType == SpecialType.System_Byte)
        {
            return true;
        }

        // Lists: any IEnumerable<ItemImage> or IEnumerable<string> (a string itself is handled above).
        var interfaces = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } self
            ? new[] { self }.Concat(type.AllInterfaces)
            : type.AllInterfaces.AsEnumerable();
        return interfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                                   && i.TypeArguments[0] is var element
                                   && (element.SpecialType == SpecialType.System_String || element.ToDisplayString().TrimEnd('?') == KnownNames.ItemImage));
    }

    private static bool IsSingle(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String
        || type.ToDisplayString().TrimEnd('?') is KnownNames.ItemImage or "System.Uri";

    private void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args) =>
        diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));
}
