using System;
using System.Linq;
using LlmErs.Generators.Diagnostics;
using LlmErs.Generators.Shared;
using Microsoft.CodeAnalysis;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace LlmErs.Generators.Templates;

/// <summary>
/// Compiles a Scriban prompt template at build time into a <see cref="TemplateSpec"/> that
/// <see cref="TemplateEmitter"/> turns into reflection-free C# rendering exactly what <c>Template.Render(item)</c> would.
/// </summary>
internal static class TemplateCompiler
{
    /// <param name="template">The template text.</param>
    /// <param name="rootType">The item type the template renders.</param>
    /// <param name="fieldName">The C# property carrying the template, for messages.</param>
    public static TemplateCompilation Compile(string template, ITypeSymbol rootType, string fieldName)
    {
        var (page, error) = Parse(template, fieldName);
        if (error is not null)
        {
            return new TemplateCompilation(null, new[] { error }.ToEquatableArray(), EquatableArray<string>.Empty);
        }

        var binder = new TemplateBinder(template, rootType, fieldName);
        var spec = binder.Bind(page);
        return new TemplateCompilation(
            binder.Errors.Count == 0 ? spec : null,
            binder.Errors.ToEquatableArray(),
            binder.RootReads.ToEquatableArray());
    }

    private static (ScriptPage? Page, TemplateError? Error) Parse(string text, string fieldName)
    {
        Template template;
        try
        {
            template = Template.Parse(text);
        }
        catch (Exception exception)
        {
            // Scriban reports malformed input as messages; an exception is a Scriban bug, which must not crash the build.
            return (null, new TemplateError(DiagnosticDescriptors.TemplateParseError, 0, text.Length, new[] { fieldName, exception.Message }.ToEquatableArray()));
        }

        // Scriban's first message is the precise one; later ones mostly follow from it.
        if (template.Messages.FirstOrDefault(m => m.Type == ParserMessageType.Error) is { } message)
        {
            return (null, TemplateError.At(DiagnosticDescriptors.TemplateParseError, text, message.Span, fieldName, message.Message));
        }

        // Scriban accepts a code block left open at the end ("{{ title "), which is always a mistake in a prompt.
        if (LastEscape(template.Page) is { IsEntering: true } open)
        {
            return (null, TemplateError.At(DiagnosticDescriptors.TemplateParseError, text, open.Span, fieldName, "the code block opened here is not closed by '}}'"));
        }

        return (template.Page, null);
    }

    private static ScriptEscapeStatement? LastEscape(ScriptNode? node)
    {
        var last = node as ScriptEscapeStatement;
        for (var i = 0; node is not null && i < node.ChildrenCount; i++)
        {
            if (LastEscape(node.GetChildren(i)) is { } escape && (last is null || escape.Span.Start.Offset > last.Span.Start.Offset))
            {
                last = escape;
            }
        }

        return last;
    }
}
