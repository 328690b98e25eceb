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

/// <summary>The transform step for [Scorer] methods: one method symbol in, an equatable <see cref="ScorerModel"/> out.</summary>
internal static class ScorerParser
{
    public static ScorerModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.TargetNode is not MethodDeclarationSyntax syntax)
        {
            return new ScorerModel(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        try
        {
            if (!HintNames.Owns(method))
            {
                return new ScorerModel(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            var diagnostics = new List<DiagnosticInfo>();
            var spec = ParseMethod(method, syntax, context.SemanticModel.Compilation, diagnostics, cancellationToken);
            // A scorer whose terms have errors is still implemented (without terms), so that the compiler does not add
            // "partial method has no implementation" to the LlmErs diagnostic; the build fails on that diagnostic anyway.
            return new ScorerModel(
                diagnostics.Count == 0 ? spec : spec is null ? null : spec with { Similarities = EquatableArray<SimilarityTerm>.Empty, Features = EquatableArray<FeatureTerm>.Empty },
                diagnostics.ToEquatableArray());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ScorerModel(null, new[] { GeneratorFailure.Diagnostic(method, LocationInfo.From(syntax.Identifier), exception) }.ToEquatableArray());
        }
    }

    private static ScorerSpec? ParseMethod(IMethodSymbol method, MethodDeclarationSyntax syntax, Compilation compilation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var location = LocationInfo.From(syntax.Identifier);
        var containing = TypeDeclarations.Enclosing(method.ContainingType);
        containing.Add(method.ContainingType);

        if (containing.FirstOrDefault(t => t.IsFileLocal) is { } fileLocal)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FileLocalType, location, fileLocal.Name, $" (it declares the scorer '{method.Name}')"));
            return null;
        }

        // The compiler reports unknown types; a generated signature would only repeat its error.
        if (method.ReturnType.TypeKind == TypeKind.Error || method.Parameters.Any(p => p.Type.TypeKind == TypeKind.Error))
        {
            return null;
        }

        var problem = ShapeProblem(method, syntax, containing, cancellationToken);
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadScorerSignature, location, method.Name, problem));
            return null;
        }

        var terms = new ScorerTerms(method, compilation, diagnostics);
        var similarities = new List<SimilarityTerm>();
        var features = new List<FeatureTerm>();
        var written = 0;
        foreach (var attribute in method.GetAttributes())
        {
            var reader = new AttributeReader(attribute);
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case KnownNames.Similarity:
                    written++;
                    if (terms.Similarity(reader) is { } similarity)
                    {
                        similarities.Add(similarity);
                    }

                    break;
                case KnownNames.FeatureWeight:
                    written++;
                    if (terms.Feature(reader) is { } feature)
                    {
                        features.Add(feature);
                    }

                    break;
            }
        }

        // Terms the compiler rejected still count as written: "has no terms" would contradict the source.
        if (written == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyScorer, location, method.Name));
        }

        var query = method.Parameters[0];
        var item = method.Parameters[1];
        return new ScorerSpec(
            TypeDeclarations.Namespace(method.ContainingType),
            containing.Select(t => TypeDeclarations.Of(t, cancellationToken)).ToEquatableArray(),
            HintNames.ForScorer(method),
            method.ToDisplayString(),
            string.Join(" ", syntax.Modifiers.Select(m => m.Text)),
            method.Name,
            query.Type.ToDisplayString(TypeShapes.FullyQualified),
            query.Name,
            item.Type.ToDisplayString(TypeShapes.FullyQualified),
            item.Name,
            similarities.ToEquatableArray(),
            features.ToEquatableArray());
    }

    /// <summary>Why the method cannot be implemented, or null.</summary>
    private static string? ShapeProblem(IMethodSymbol method, MethodDeclarationSyntax syntax, List<INamedTypeSymbol> containing, CancellationToken cancellationToken)
    {
        if (!method.IsStatic || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword) || syntax.Body is not null || syntax.ExpressionBody is not null)
        {
            return "declare it static and partial, without a body";
        }

        if (method.ReturnType.SpecialType != SpecialType.System_Single)
        {
            return "it must return float";
        }

        if (method.Parameters.Length != 2 || method.Parameters.Any(p => p.RefKind != RefKind.None))
        {
            return "it must take exactly two parameters, the query and the item";
        }

        if (method.IsGenericMethod || containing.Any(t => t.IsGenericType))
        {
            return "neither it nor its types may be generic";
        }

        var notPartial = containing.FirstOrDefault(t => !TypeDeclarations.IsPartial(t, cancellationToken));
        return notPartial is null ? null : $"declare '{notPartial.Name}' partial";
    }
}
