using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LlmErs.Generators.Diagnostics;
using LlmErs.Generators.Model;
using LlmErs.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmErs.Generators.Parsing;

/// <summary>The transform step: one [Enrichable] type symbol in, an equatable <see cref="TypeModel"/> out.</summary>
internal static class EnrichableTypeParser
{
    public static TypeModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        // A declaration still being typed (no name yet) gets nothing: the compiler already reports it.
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax syntax || syntax.Identifier.IsMissing)
        {
            return new TypeModel(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        try
        {
            if (!IsFirstAnnotatedPart(type, syntax, cancellationToken) || !HintNames.Owns(type))
            {
                return new TypeModel(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            var diagnostics = new List<DiagnosticInfo>();
            var spec = ParseType(type, syntax, context.SemanticModel.Compilation, diagnostics, cancellationToken);
            return new TypeModel(spec, diagnostics.ToEquatableArray());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new TypeModel(null, new[] { GeneratorFailure.Diagnostic(type, LocationInfo.From(syntax.Identifier), exception) }.ToEquatableArray());
        }
    }

    /// <summary>
    /// [Enrichable] on two parts of one class (the compiler's CS0579) reaches this step once per part; only one may
    /// produce the type's file.
    /// </summary>
    private static bool IsFirstAnnotatedPart(INamedTypeSymbol type, TypeDeclarationSyntax syntax, CancellationToken cancellationToken)
    {
        var first = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.Enrichable)?.ApplicationSyntaxReference;
        return first is null || (first.SyntaxTree == syntax.SyntaxTree && syntax.Span.Contains(first.GetSyntax(cancellationToken).Span));
    }

    private static EnrichableTypeSpec? ParseType(INamedTypeSymbol type, TypeDeclarationSyntax syntax, Compilation compilation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var identifier = LocationInfo.From(syntax.Identifier);
        var containing = TypeDeclarations.Enclosing(type);
        if (type.IsGenericType || containing.Any(t => t.IsGenericType))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericTypeNotSupported, identifier, type.Name));
            return null;
        }

        if (type.IsFileLocal || containing.Any(t => t.IsFileLocal))
        {
            var file = type.IsFileLocal ? type : containing.First(t => t.IsFileLocal);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FileLocalType, identifier, file.Name,
                file.Equals(type, SymbolEqualityComparer.Default) ? "" : $" (it contains the enrichable type '{type.Name}')"));
            return null;
        }

        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeNotPartial, identifier, type.Name, ""));
            return null;
        }

        foreach (var outer in containing.Where(t => !TypeDeclarations.IsPartial(t, cancellationToken)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeNotPartial, LocationInfo.From(outer.Locations.FirstOrDefault()) ?? identifier,
                outer.Name, $" (it contains the enrichable type '{type.Name}')"));
            return null;
        }

        var properties = new List<PropertySpec>();
        var parsed = new List<ParsedField>();
        var fieldParser = new FieldParser(type, compilation, diagnostics, cancellationToken);
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attributes = property.GetAttributes()
                .Select(a => (Data: a, Name: a.AttributeClass?.ToDisplayString()))
                .Where(a => a.Name is not null && KnownNames.FieldAttributes.Contains(a.Name))
                .ToList();
            if (!attributes.Any(a => a.Name == KnownNames.LlmTriples)
                && property.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.LlmRelation))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RelationOutsideTriples, LocationInfo.From(property.Locations.FirstOrDefault()), property.Name));
            }

            if (attributes.Count == 0)
            {
                continue;
            }

            var propertySpec = PropertySpecOf(property, attributes[0].Name!, diagnostics, cancellationToken);
            if (propertySpec is null)
            {
                continue;
            }

            properties.Add(propertySpec);
            if (property.IsStatic)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnusableMember, LocationInfo.From(property.Locations.FirstOrDefault()),
                    "Derived property", property.Name, "static", "derived fields hold a value per item, so remove 'static'"));
                continue;
            }

            if (attributes.Count > 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingFieldAttributes, LocationInfo.From(property.Locations.FirstOrDefault()),
                    property.Name, string.Join(" and ", attributes.Select(a => $"[{KnownNames.ShortName(a.Name!)}]"))));
                continue;
            }

            if (fieldParser.Parse(property, propertySpec, attributes[0].Data, attributes[0].Name!) is { } field)
            {
                parsed.Add(field);
            }
        }

        var key = ParseKey(type, identifier, compilation, diagnostics);
        var (ordered, cycle) = DependencyOrder.Sort(parsed);
        if (cycle is not null)
        {
            var first = type.GetMembers(cycle[0]).FirstOrDefault();
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DerivedFieldCycle, LocationInfo.From(first?.Locations.FirstOrDefault()) ?? identifier,
                string.Join(" -> ", cycle)));
        }

        var complete = !diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
        return new EnrichableTypeSpec(
            TypeDeclarations.Namespace(type),
            containing.Select(t => TypeDeclarations.Of(t, cancellationToken)).ToEquatableArray(),
            TypeDeclarations.Of(type, cancellationToken),
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            HintNames.ForType(type),
            properties.ToEquatableArray(),
            complete ? key : null,
            complete ? ordered.ToEquatableArray() : EquatableArray<FieldSpec>.Empty);
    }

    private static KeySpec? ParseKey(INamedTypeSymbol type, LocationInfo? identifier, Compilation compilation, List<DiagnosticInfo> diagnostics)
    {
        var keys = KeyCandidates(type);
        if (keys.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingKey, identifier, type.Name));
            return null;
        }

        if (keys.Count > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateKey, LocationInfo.From(keys[1].Locations.FirstOrDefault()) ?? identifier,
                type.Name, string.Join(", ", keys.Select(k => k.Name))));
            return null;
        }

        var member = keys[0];
        var location = LocationInfo.From(member.Locations.FirstOrDefault()) ?? identifier;
        if (MemberUsability.Problem(member, type, type, compilation) is { } problem)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnusableMember, location, "[ItemKey] member", member.Name, problem, MemberUsability.ReadAdvice));
            return null;
        }

        var memberType = member is IPropertySymbol p ? p.Type : ((IFieldSymbol)member).Type;
        if (memberType.TypeKind == TypeKind.Error)
        {
            return null;
        }

        if (TypeShapes.KeyKindOf(memberType) is not { } kind)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedKeyType, location, member.Name, memberType.ToDisplayString()));
            return null;
        }

        return new KeySpec(member.Name, kind, memberType.NullableAnnotation == NullableAnnotation.Annotated);
    }

    /// <summary>
    /// [ItemKey] members of the type and its base classes. An override that repeats the attribute names the same
    /// key as the member it overrides, so each name counts once.
    /// </summary>
    private static List<ISymbol> KeyCandidates(INamedTypeSymbol type)
    {
        var keys = new List<ISymbol>();
        var names = new HashSet<string>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers().Where(m => m is IPropertySymbol or IFieldSymbol { IsImplicitlyDeclared: false }))
            {
                if (member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.ItemKey) && names.Add(member.Name))
                {
                    keys.Add(member);
                }
            }
        }

        return keys;
    }

    /// <summary>The declaration to implement, or null (with a diagnostic) when the property is not a partial declaration.</summary>
    private static PropertySpec? PropertySpecOf(IPropertySymbol property, string attributeName, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var declaration = property.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(cancellationToken))
            .OfType<PropertyDeclarationSyntax>()
            .FirstOrDefault();
        // Implementing a property of an unknown type would repeat the compiler's error inside generated code.
        if (declaration is null || property.Type.TypeKind == TypeKind.Error)
        {
            return null;
        }

        var isDefinition = declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
                           && declaration.AccessorList is { } list
                           && list.Accessors.All(a => a.Body is null && a.ExpressionBody is null);
        if (!isDefinition)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PropertyNotPartial, LocationInfo.From(declaration.Identifier),
                property.Name, KnownNames.ShortName(attributeName), property.Type.ToDisplayString()));
            return null;
        }

        var accessors = declaration.AccessorList!.Accessors
            .Select(a => new AccessorSpec(string.Join(" ", a.Modifiers.Select(m => m.Text)), a.Keyword.Text))
            .ToEquatableArray();
        return new PropertySpec(
            property.Name,
            string.Join(" ", declaration.Modifiers.Select(m => m.Text)),
            property.Type.ToDisplayString(TypeShapes.FullyQualified),
            accessors,
            TypeShapes.BackingFieldInitializer(property.Type));
    }
}
