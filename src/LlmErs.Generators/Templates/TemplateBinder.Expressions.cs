using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LlmErs.Generators.Diagnostics;
using LlmErs.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Scriban.Syntax;

namespace LlmErs.Generators.Templates;

internal sealed partial class TemplateBinder
{
    /// <summary>Scriban's builtin globals; an item member of the same name hides them, as the model is pushed on top.</summary>
    private static readonly HashSet<string> Builtins = new()
    {
        "array", "blank", "date", "empty", "html", "include", "include_join", "math", "object", "regex", "string", "timespan",
    };

    private static readonly Dictionary<string, LoopProperty> LoopProperties = new()
    {
        ["index"] = LoopProperty.Index,
        ["first"] = LoopProperty.First,
        ["last"] = LoopProperty.Last,
        ["even"] = LoopProperty.Even,
        ["odd"] = LoopProperty.Odd,
    };

    private Bound? BindExpression(ScriptExpression expression)
    {
        switch (expression)
        {
            case ScriptNestedExpression { Expression: { } inner }:
                return BindExpression(inner);
            case ScriptLiteral literal:
                return BindLiteral(literal, negate: false);
            case ScriptVariableGlobal variable:
                return BindVariable(variable);
            case ScriptMemberExpression member:
                return BindMember(member);
            case ScriptUnaryExpression unary:
                return BindUnary(unary);
            case ScriptBinaryExpression binary:
                return BindBinary(binary);
            case ScriptPipeCall pipe:
                return BindPipe(pipe);
            case ScriptFunctionCall call:
                return BindCall(call);
            default:
                Unsupported(expression, Describe(expression), "refer to members, literals, comparisons, &&, ||, ! and the supported functions; compute anything else in a C# property");
                return null;
        }
    }

    private Bound? BindLiteral(ScriptLiteral literal, bool negate)
    {
        TemplateExpression? bound = (literal.Value, negate) switch
        {
            (null, false) => new NullLiteral(),
            (string text, false) => new StringLiteral(text),
            (bool flag, false) => new BoolLiteral(flag),
            (int value, _) => new NumberLiteral(CSharpLiteral.Int(negate ? -value : value), negate && value != 0, ValueShape.Int32),
            (long value, _) => new NumberLiteral(CSharpLiteral.Long(negate ? -value : value), negate && value != 0, Shape(NumberKind.Int64)),
            (double value, _) when !double.IsNaN(value) && !double.IsInfinity(value) =>
                Real(negate, value.ToString("G17", CultureInfo.InvariantCulture) + "d", NumberKind.Double),
            (float value, _) when !float.IsNaN(value) && !float.IsInfinity(value) =>
                Real(negate, value.ToString("G9", CultureInfo.InvariantCulture) + "f", NumberKind.Single),
            (decimal value, _) => Real(negate, value.ToString(CultureInfo.InvariantCulture) + "m", NumberKind.Decimal),
            _ => null,
        };
        if (bound is null)
        {
            Unsupported(literal, $"the literal '{Snippet(literal)}'", "write strings in quotes, and numbers as whole numbers or decimals within the range of long and double");
            return null;
        }

        return new Bound(bound, null);
    }

    private static ValueShape Shape(NumberKind kind) => new(ShapeKind.Number, Nullness.Never, kind);

    // Scriban's literals are unsigned, negation comes apart: a negated 0.0 is negative zero, as in Scriban.
    // G17/G9 round-trip on every framework the compiler runs on.
    private static NumberLiteral Real(bool negate, string code, NumberKind kind) =>
        new((negate ? "-" : "") + code, negate, Shape(kind));

    private Bound? BindVariable(ScriptVariableGlobal variable)
    {
        var name = variable.Name;
        for (var i = _loops.Count - 1; i >= 0; i--)
        {
            var loop = _loops[i];
            if (!loop.InElse && loop.Variable == name)
            {
                return new Bound(new LoopItemExpression(loop.Id, loop.ElementShape), loop.ElementType);
            }
        }

        if (_rootMembers.TryGet(name, out var member))
        {
            return BindRootMember(variable, member);
        }

        if (Builtins.Contains(name) || name == "for")
        {
            Unsupported(variable, $"Scriban's builtin '{name}'", name == "for"
                ? "read for.index, for.first, for.last, for.even or for.odd inside a for loop"
                : "refer to members of the item, or pipe them through the supported functions");
            return null;
        }

        var candidates = _loops.Where(l => !l.InElse).Select(l => l.Variable).Reverse().Concat(_rootMembers.Names);
        Error(DiagnosticDescriptors.UnknownTemplateMember, variable.Span, name, TypeName(_root), NameSuggestion.Suffix(name, candidates));
        return null;
    }

    private Bound? BindRootMember(ScriptNode node, ScribanMember member)
    {
        if (!CheckUnambiguous(node, member, _root))
        {
            return null;
        }

        if (!_rootReads.Contains(member.Symbol.Name))
        {
            _rootReads.Add(member.Symbol.Name);
        }

        var owner = member.Symbol.IsStatic ? member.Symbol.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) : null;
        return new Bound(new RootMemberExpression(Identifier(member.Symbol.Name), owner, ValueShapes.Of(member.Type)), member.Type);
    }

    private Bound? BindMember(ScriptMemberExpression expression)
    {
        if (expression.Target is null || expression.Member is null)
        {
            Unsupported(expression, Describe(expression), "write a member path such as director.name");
            return null;
        }

        if (expression.Target is ScriptVariableGlobal { Name: "for" } && (_loops.Count > 0 || !_rootMembers.TryGet("for", out _)))
        {
            return BindLoopState(expression, expression.Member.Name);
        }

        if (FunctionName(expression) is { } function)
        {
            // A function named without a value to work on: Scriban calls it with no arguments, which fails.
            return BindFunction(expression, function, input: null, new List<ScriptExpression>());
        }

        if (BindExpression(expression.Target) is not { } target)
        {
            return null;
        }

        if (target.Expression.Shape.Kind != ShapeKind.Object || target.Type is null)
        {
            Unsupported(expression, $"the member access '{Snippet(expression)}' on {DescribeValue(target)}",
                target.Expression.Shape.Kind switch
                {
                    ShapeKind.Collection => "loop over it with for, or pipe it through array.size or array.join",
                    ShapeKind.String => "pipe it through a function instead, e.g. | string.size",
                    _ => "read members only on objects of your own classes",
                });
            return null;
        }

        var owner = ValueShapes.Underlying(target.Type);
        var members = MembersOf(owner);
        var name = expression.Member.Name;
        if (!members.TryGet(name, out var member))
        {
            Error(DiagnosticDescriptors.UnknownTemplateMember, expression.Member.Span, name, TypeName(owner), NameSuggestion.Suffix(name, members.Names));
            return null;
        }

        if (!CheckUnambiguous(expression.Member, member, owner))
        {
            return null;
        }

        // Scriban names the expression in its null-target error by printing the node, so the message is its own.
        var nullConditional = expression.DotToken?.Value == "?." && target.Expression.Shape.CanBeNull;
        var shape = ValueShapes.Of(member.Type);
        var access = new MemberExpression(target.Expression, Identifier(member.Symbol.Name), expression.ToString(), nullConditional,
            nullConditional ? shape.AsNullable() : shape);
        return new Bound(access, member.Type);
    }

    private Bound? BindLoopState(ScriptMemberExpression expression, string property)
    {
        var loop = _loops.Count > 0 ? _loops[_loops.Count - 1] : null;
        if (loop is null || loop.InElse || !LoopProperties.TryGetValue(property, out var known))
        {
            Unsupported(expression, $"'{Snippet(expression)}'", loop is null
                ? "read for.* inside a for loop"
                : loop.InElse
                    ? "the else branch of a for loop runs when there is no item, so for.* has no value there"
                    : "LlmErs supports for.index, for.first, for.last, for.even and for.odd");
            return null;
        }

        return new Bound(new LoopStateExpression(loop.Id, known, known == LoopProperty.Index ? ValueShape.Int32 : ValueShape.Boolean), null);
    }

    private ScribanMembers MembersOf(ITypeSymbol type)
    {
        if (!_objectMembers.TryGetValue(type, out var members))
        {
            members = ScribanMembers.Of(type, includeStatic: false);
            _objectMembers.Add(type, members);
        }

        return members;
    }

    /// <summary>Members of one type level that share a Scriban name: which one Scriban reads depends on reflection order.</summary>
    private bool CheckUnambiguous(ScriptNode node, ScribanMember member, ITypeSymbol owner)
    {
        if (member.IsAmbiguous)
        {
            Unsupported(node, $"'{member.Name}', which names more than one member of '{TypeName(owner)}' ({string.Join(", ", member.Candidates.Select(c => c.Name))})",
                "rename all but one of them, or mark the others [Scriban.Runtime.ScriptMemberIgnore]");
        }

        return !member.IsAmbiguous;
    }

    private Bound? BindUnary(ScriptUnaryExpression unary)
    {
        var operand = Unwrap(unary.Right);
        switch (unary.Operator)
        {
            case ScriptUnaryOperator.Not when operand is not null:
                return BindExpression(operand) is { } value ? new Bound(new NotExpression(value.Expression), null) : null;
            case ScriptUnaryOperator.Negate when operand is ScriptLiteral { Value: int or long or float or double or decimal } literal:
                return BindLiteral(literal, negate: true);
            default:
                Unsupported(unary, $"the operator '{unary.OperatorAsText}' in '{Snippet(unary)}'", "only ! (not) and negative number literals are supported; compute other values in a C# property");
                return null;
        }
    }

    private Bound? BindBinary(ScriptBinaryExpression binary)
    {
        if (binary.Left is null || binary.Right is null)
        {
            Unsupported(binary, Describe(binary), "complete the expression");
            return null;
        }

        if (binary.Operator is ScriptBinaryOperator.And or ScriptBinaryOperator.Or)
        {
            var left = BindExpression(binary.Left);
            var right = BindExpression(binary.Right);
            return left is null || right is null
                ? null
                : new Bound(new LogicalExpression(binary.Operator == ScriptBinaryOperator.And, left.Value.Expression, right.Value.Expression), null);
        }

        if (CompareOperatorOf(binary.Operator) is { } op)
        {
            return BindCompare(binary, op);
        }

        Unsupported(binary, $"the operator '{binary.OperatorAsText}' in '{Snippet(binary)}'",
            "compute the value in a C# property and refer to it; templates may compare (==, !=, <, >, <=, >=) and combine conditions (&&, ||, !)");
        return null;
    }

    private static CompareOperator? CompareOperatorOf(ScriptBinaryOperator op) => op switch
    {
        ScriptBinaryOperator.CompareEqual => CompareOperator.Equal,
        ScriptBinaryOperator.CompareNotEqual => CompareOperator.NotEqual,
        ScriptBinaryOperator.CompareLess => CompareOperator.Less,
        ScriptBinaryOperator.CompareGreater => CompareOperator.Greater,
        ScriptBinaryOperator.CompareLessOrEqual => CompareOperator.LessOrEqual,
        ScriptBinaryOperator.CompareGreaterOrEqual => CompareOperator.GreaterOrEqual,
        _ => null,
    };

    private static ScriptExpression? Unwrap(ScriptExpression? expression)
    {
        while (expression is ScriptNestedExpression nested)
        {
            expression = nested.Expression;
        }

        return expression;
    }

    private string DescribeValue(Bound value)
    {
        var shape = value.Expression.Shape;
        return shape.Kind switch
        {
            ShapeKind.Null => "null",
            ShapeKind.String => "text",
            ShapeKind.Collection => "a collection",
            ShapeKind.Object or ShapeKind.Opaque when value.Type is not null => $"a value of type '{TypeName(value.Type)}'",
            _ => $"a {shape.Kind.ToString().ToLowerInvariant()} value",
        };
    }

    private static string TypeName(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    /// <summary>A member name as C# source: reserved words need a verbatim prefix.</summary>
    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
