using System;
using System.Collections.Generic;
using LlmErs.Generators.Diagnostics;
using LlmErs.Generators.Shared;
using Microsoft.CodeAnalysis;
using Scriban.Parsing;
using Scriban.Syntax;

namespace LlmErs.Generators.Templates;

/// <summary>
/// Walks a parsed Scriban page and binds it against the item type: statements here, expressions and functions in the
/// other parts. Anything it cannot reproduce exactly becomes an error, never an approximation.
/// </summary>
internal sealed partial class TemplateBinder
{
    private readonly string _text;
    private readonly ITypeSymbol _root;
    private readonly string _field;
    private readonly ScribanMembers _rootMembers;
    private readonly Dictionary<ITypeSymbol, ScribanMembers> _objectMembers = new(SymbolEqualityComparer.Default);
    private readonly List<TemplateError> _errors = new();
    private readonly List<string> _rootReads = new();
    private readonly List<Loop> _loops = new();
    private int _loopCount;
    private bool _tracksLineStarts;
    private bool _countsLoopSteps;

    public TemplateBinder(string text, ITypeSymbol root, string field)
    {
        _text = text;
        _root = root;
        _field = field;
        _rootMembers = ScribanMembers.Of(root, includeStatic: true);
    }

    public IReadOnlyList<TemplateError> Errors => _errors;

    public IReadOnlyList<string> RootReads => _rootReads;

    public TemplateSpec Bind(ScriptPage? page) =>
        new(BindBlock(page?.Body, string.Empty), _tracksLineStarts, _countsLoopSteps);

    /// <summary>
    /// Binds a block the way <c>ScriptBlockStatement.Evaluate</c> runs it: a <c>{{</c> sets the auto-indent (the
    /// whitespace before it on its line) for what follows, a <c>}}</c> restores the indent the block started with.
    /// </summary>
    private EquatableArray<TemplateNode> BindBlock(ScriptBlockStatement? block, string inheritedIndent)
    {
        if (block is null)
        {
            return EquatableArray<TemplateNode>.Empty;
        }

        var nodes = new List<TemplateNode>();
        var indent = inheritedIndent;
        foreach (var statement in block.Statements)
        {
            switch (statement)
            {
                case ScriptEscapeStatement escape:
                    indent = escape.IsEntering ? escape.Indent : inheritedIndent;
                    break;
                case ScriptRawStatement raw when raw.Text.Length > 0 && !string.IsNullOrEmpty(raw.Text.FullText):
                    nodes.Add(new TextNode(raw.Text.ToString(), Track(indent)));
                    break;
                case ScriptRawStatement or ScriptEndStatement or ScriptNopStatement:
                    break;
                case ScriptExpressionStatement output:
                    AddIfBound(nodes, BindOutput(output, indent));
                    break;
                case ScriptIfStatement conditional:
                    AddIfBound(nodes, BindIf(conditional, indent));
                    break;
                case ScriptForStatement loop when loop.GetType() == typeof(ScriptForStatement):
                    AddIfBound(nodes, BindFor(loop, indent));
                    break;
                default:
                    Unsupported(statement, Describe(statement), "LlmErs compiles text, {{ value }}, if/else and for; compute anything else in a C# property and refer to it");
                    break;
            }
        }

        return nodes.ToEquatableArray();
    }

    private static void AddIfBound(List<TemplateNode> nodes, TemplateNode? node)
    {
        if (node is not null)
        {
            nodes.Add(node);
        }
    }

    private string Track(string indent)
    {
        _tracksLineStarts |= indent.Length > 0;
        return indent;
    }

    private TemplateNode? BindOutput(ScriptExpressionStatement statement, string indent)
    {
        if (statement.Expression is null || BindExpression(statement.Expression) is not { } value)
        {
            return null;
        }

        var shape = value.Expression.Shape;
        if (shape.Kind == ShapeKind.Null)
        {
            // Scriban writes nothing for null.
            return null;
        }

        if (!shape.IsScalar)
        {
            Unsupported(statement.Expression, $"'{Snippet(statement.Expression)}', which is {DescribeValue(value)}, as output",
                shape.Kind == ShapeKind.Collection
                    ? "pipe it through array.join, e.g. {{ genres | array.join \", \" }}, or loop over it with for"
                    : shape.Kind == ShapeKind.Object
                        ? "write one of its members, e.g. {{ director.name }}"
                        : "expose it as a string property formatted the way the prompt needs");
            return null;
        }

        return new OutputNode(value.Expression, SourceOf(statement.Expression), Track(indent));
    }

    private TemplateNode? BindIf(ScriptIfStatement statement, string indent)
    {
        var condition = statement.Condition is null ? null : BindExpression(statement.Condition);
        var then = BindBlock(statement.Then, indent);
        var otherwise = statement.Else switch
        {
            ScriptElseStatement plain => BindBlock(plain.Body, indent),
            ScriptIfStatement elseIf => BindIf(elseIf, indent) is { } node ? new[] { node }.ToEquatableArray() : EquatableArray<TemplateNode>.Empty,
            _ => EquatableArray<TemplateNode>.Empty,
        };
        return condition is null ? null : new IfNode(condition.Value.Expression, then, otherwise);
    }

    private TemplateNode? BindFor(ScriptForStatement statement, string indent)
    {
        if (statement.Variable is not ScriptVariableGlobal variable)
        {
            Unsupported((ScriptNode?)statement.Variable ?? statement, $"the loop variable '{Snippet((ScriptNode?)statement.Variable ?? statement)}'",
                "name the loop variable with a plain name, e.g. for actor in actors");
            return null;
        }

        var collection = statement.Iterator is null ? null : BindExpression(statement.Iterator);
        var arguments = BindLoopArguments(statement);
        if (collection is not { } bound || arguments is null)
        {
            return null;
        }

        if (bound.Expression.Shape.Kind != ShapeKind.Collection || bound.Type is null || ValueShapes.ElementType(bound.Type) is not { } elementType)
        {
            Unsupported(statement.Iterator!, $"a for loop over '{Snippet(statement.Iterator!)}', which is {DescribeValue(bound)}",
                "loop over a collection member (an array, a List<T>, an IReadOnlyList<T>…)");
            return null;
        }

        var loop = new Loop(++_loopCount, variable.Name, elementType, bound.Expression.Shape.Element!);
        var opensScope = _loops.Count == 0;
        _countsLoopSteps = true;
        _loops.Add(loop);
        var body = BindBlock(statement.Body, indent);

        // Scriban runs the else branch inside the loop's scope but without an item: the variable and for.* are unset there.
        loop.InElse = true;
        var otherwise = BindBlock(statement.Else?.Body, indent);
        _loops.RemoveAt(_loops.Count - 1);

        var (offset, limit, reversed) = arguments.Value;
        return new ForNode(loop.Id, bound.Expression, offset, limit, reversed, opensScope, body, otherwise);
    }

    private (int Offset, int Limit, bool Reversed)? BindLoopArguments(ScriptForStatement statement)
    {
        var (offset, limit, reversed, valid) = (0, 0, false, true);
        foreach (var argument in statement.NamedArguments)
        {
            switch (argument.Name?.Name)
            {
                case "reversed" when argument.Value is null:
                    reversed = true;
                    break;
                case "offset" when NonNegativeInt(argument.Value) is { } value:
                    offset = value;
                    break;
                case "limit" when NonNegativeInt(argument.Value) is { } value:
                    limit = value;
                    break;
                default:
                    Unsupported(argument, $"the loop argument '{Snippet(argument)}'", "use offset:<n>, limit:<n> or reversed, with n a whole number written in the template");
                    valid = false;
                    break;
            }
        }

        return valid ? (offset, limit, reversed) : null;
    }

    private static int? NonNegativeInt(ScriptExpression? expression) =>
        expression is ScriptLiteral { Value: int value } && value >= 0 ? value : null;

    private void Unsupported(ScriptNode node, string construct, string advice) =>
        Error(DiagnosticDescriptors.UnsupportedTemplateConstruct, node.Span, construct, advice);

    private void Error(DiagnosticDescriptor descriptor, SourceSpan span, params string[] args) =>
        _errors.Add(TemplateError.At(descriptor, _text, span, [_field, .. args]));

    /// <summary>The node's text as written, trimmed: the name of an interpolation's input.</summary>
    private string SourceOf(ScriptNode node) => TextOf(node).Trim();

    /// <summary>The node's text as written (Scriban's span, kept inside the template text).</summary>
    private string TextOf(ScriptNode node)
    {
        var start = Math.Min(Math.Max(node.Span.Start.Offset, 0), _text.Length);
        return _text.Substring(start, Math.Min(Math.Max(node.Span.Length, 0), _text.Length - start));
    }

    /// <summary>The node's text as written, first line only and shortened, for messages.</summary>
    private string Snippet(ScriptNode node)
    {
        const int MaxLength = 40;
        var text = TextOf(node);
        var lineEnd = text.IndexOfAny(new[] { '\r', '\n' });
        text = lineEnd >= 0 ? text.Substring(0, lineEnd) : text;
        return text.Length > MaxLength ? text.Substring(0, MaxLength) + "…" : text;
    }

    private string Describe(ScriptNode node) =>
        ScriptSyntaxAttribute.Get(node) is { } syntax ? $"the {syntax.TypeName} '{Snippet(node)}'" : $"'{Snippet(node)}'";

    /// <summary>A template value together with its CLR type, when it has one (members and loop items do).</summary>
    private readonly record struct Bound(TemplateExpression Expression, ITypeSymbol? Type);

    /// <summary>An enclosing <c>for</c>, as seen from its body.</summary>
    private sealed class Loop(int id, string variable, ITypeSymbol elementType, ValueShape elementShape)
    {
        public int Id { get; } = id;

        public string Variable { get; } = variable;

        public ITypeSymbol ElementType { get; } = elementType;

        public ValueShape ElementShape { get; } = elementShape;

        public bool InElse { get; set; }
    }
}
