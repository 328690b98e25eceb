using System;
using System.Linq;
using LlmErs.Generators.Diagnostics;
using LlmErs.Generators.Emitting;
using LlmErs.Generators.Model;
using LlmErs.Generators.Parsing;
using LlmErs.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmErs.Generators;

/// <summary>
/// Implements [Enrichable] types: parse (symbols → equatable specs) → emit (specs → source), with diagnostics in a
/// pipeline of their own. Each step has a tracking name so tests can assert what is cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class LlmErsGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps.</summary>
    public static class Steps
    {
        public const string Types = "LlmErs.Types";
        public const string Specs = "LlmErs.Specs";
        public const string Diagnostics = "LlmErs.Diagnostics";
        public const string StrayFields = "LlmErs.StrayFields";
        public const string Scorers = "LlmErs.Scorers";
        public const string ScorerSpecs = "LlmErs.ScorerSpecs";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var types = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.Enrichable,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                EnrichableTypeParser.Parse)
            .WithTrackingName(Steps.Types);

        var specs = types
            .Select(static (model, _) => model.Spec)
            .Where(static spec => spec is not null)
            .WithTrackingName(Steps.Specs);
        context.RegisterSourceOutput(specs, static (production, spec) =>
            AddSource(production, spec!.HintName, spec.FullyQualifiedName, () => EnrichableEmitter.Emit(spec)));

        // Diagnostics travel apart from the sources and meet the compilation only at the end: that keeps the
        // source outputs cached while letting each diagnostic point into a real syntax tree, where #pragma applies.
        var diagnostics = types
            .SelectMany(static (model, _) => model.Diagnostics)
            .WithTrackingName(Steps.Diagnostics);
        Report(context, diagnostics);

        var scorers = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownNames.Scorer, static (node, _) => node is MethodDeclarationSyntax, ScorerParser.Parse)
            .WithTrackingName(Steps.Scorers);
        var scorerSpecs = scorers
            .Select(static (model, _) => model.Spec)
            .Where(static spec => spec is not null)
            .WithTrackingName(Steps.ScorerSpecs);
        context.RegisterSourceOutput(scorerSpecs, static (production, spec) =>
            AddSource(production, spec!.HintName, spec.DisplayName, () => ScorerEmitter.Emit(spec)));
        Report(context, scorers.SelectMany(static (model, _) => model.Diagnostics));

        foreach (var attribute in KnownNames.FieldAttributes)
        {
            var stray = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    attribute,
                    static (node, _) => node is PropertyDeclarationSyntax,
                    (ctx, _) => StrayField(ctx, attribute))
                .Where(static d => d is not null)
                .Select(static (d, _) => d!)
                .WithTrackingName(Steps.StrayFields);
            Report(context, stray);
        }
    }

    /// <summary>Emits one file; an exception (from the emitter or from AddSource) is reported on its owner, not thrown.</summary>
    private static void AddSource(SourceProductionContext production, string hintName, string owner, Func<string> emit)
    {
        try
        {
            production.AddSource(hintName, emit());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            production.ReportDiagnostic(GeneratorFailure.Unlocated(owner, exception));
        }
    }

    private static void Report(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<DiagnosticInfo> diagnostics) =>
        context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (production, pair) =>
            production.ReportDiagnostic(pair.Left.ToDiagnostic(pair.Right)));

    /// <summary>A derived-field attribute on a property whose type is not [Enrichable] would silently do nothing.</summary>
    private static DiagnosticInfo? StrayField(GeneratorAttributeSyntaxContext context, string attribute)
    {
        var owner = context.TargetSymbol.ContainingType;
        if (owner is null || owner.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.Enrichable))
        {
            return null;
        }

        return DiagnosticInfo.Create(
            DiagnosticDescriptors.FieldOutsideEnrichableType,
            LocationInfo.From(((PropertyDeclarationSyntax)context.TargetNode).Identifier),
            context.TargetSymbol.Name, KnownNames.ShortName(attribute), owner.Name);
    }
}
