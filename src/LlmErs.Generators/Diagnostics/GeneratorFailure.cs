using System;
using LlmErs.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace LlmErs.Generators.Diagnostics;

/// <summary>
/// An unexpected exception while handling one type becomes a diagnostic on that type: a generator that throws loses
/// the generated code of every type (CS8785), so one bad type must not take the others with it.
/// </summary>
internal static class GeneratorFailure
{
    public static DiagnosticInfo Diagnostic(ISymbol symbol, LocationInfo? location, Exception exception) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, location, symbol.ToDisplayString(), Describe(exception));

    /// <summary>For the emit step, whose specs hold no locations (they would change on every edit above the type).</summary>
    public static Diagnostic Unlocated(string owner, Exception exception) =>
        Microsoft.CodeAnalysis.Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, owner.Replace("global::", ""), Describe(exception));

    private static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";
}
