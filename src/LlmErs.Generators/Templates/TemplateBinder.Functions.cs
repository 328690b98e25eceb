using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Scriban.Syntax;

namespace LlmErs.Generators.Templates;

internal sealed partial class TemplateBinder
{
    private const string SupportedFunctions =
        "LlmErs supports array.join, array.size, string.downcase, string.size, string.strip, string.truncate and string.upcase; compute anything else in a C# property";

    private Bound? BindPipe(ScriptPipeCall pipe) =>
        pipe.From is not null && BindExpression(pipe.From) is { } input ? BindPiped(input, pipe.To, pipe) : null;

    /// <summary>
    /// Applies the functions right of a <c>|</c> to <paramref name="input"/>. Scriban nests <c>a | f | g</c> as
    /// <c>a | (f | g)</c>, and evaluates it as <c>g(f(a))</c>.
    /// </summary>
    private Bound? BindPiped(Bound input, ScriptExpression? to, ScriptNode pipe)
    {
        if (to is ScriptPipeCall { From: { } first } chain)
        {
            return BindPiped(input, first, pipe) is { } value ? BindPiped(value, chain.To, chain) : null;
        }

        var (callee, arguments) = to switch
        {
            ScriptFunctionCall call => (call.Target, (IReadOnlyList<ScriptExpression>)call.Arguments.ToList()),
            _ => (to, new List<ScriptExpression>()),
        };
        if (callee is null || FunctionName(callee) is not { } name)
        {
            Unsupported((ScriptNode?)to ?? pipe, $"piping into '{Snippet((ScriptNode?)to ?? pipe)}'", FunctionAdvice(callee));
            return null;
        }

        return BindFunction(callee, name, input, arguments);
    }

    private Bound? BindCall(ScriptFunctionCall call)
    {
        if (call.Target is null || FunctionName(call.Target) is not { } name)
        {
            Unsupported(call, $"the call '{Snippet(call)}'", FunctionAdvice(call.Target));
            return null;
        }

        // Called with arguments, a function takes its input first: `string.upcase title` is `title | string.upcase`.
        var arguments = call.Arguments.ToList();
        if (arguments.Count == 0)
        {
            return BindFunction(call.Target, name, input: null, arguments);
        }

        return BindExpression(arguments[0]) is { } input ? BindFunction(call.Target, name, input, arguments.Skip(1).ToList()) : null;
    }

    /// <summary>
    /// Binds a builtin function. <paramref name="input"/> is null when nothing is piped or passed into it;
    /// <paramref name="arguments"/> are the arguments after the input.
    /// </summary>
    private Bound? BindFunction(ScriptExpression callee, string name, Bound? input, IReadOnlyList<ScriptExpression> arguments)
    {
        if (name == "string.capitalize")
        {
            Unsupported(callee, "the function 'string.capitalize'",
                "Scriban upper-cases the first letter with the current thread's culture, so the prompt would depend on the machine; use string.upcase or write the text capitalized");
            return null;
        }

        var function = name switch
        {
            "string.upcase" => StringFunction.Upcase,
            "string.downcase" => StringFunction.Downcase,
            "string.strip" => StringFunction.Strip,
            "string.size" => StringFunction.Size,
            "string.truncate" => StringFunction.Truncate,
            _ => (StringFunction?)null,
        };
        if (function is null && name is not ("array.join" or "array.size"))
        {
            Unsupported(callee, $"the function '{name}'", SupportedFunctions);
            return null;
        }

        if (input is not { } value)
        {
            Unsupported(callee, $"the function '{name}' without a value", $"pipe a value into it, e.g. {{{{ title | {name}{Usage(name)} }}}}");
            return null;
        }

        var shape = value.Expression.Shape;
        var fits = function is null
            ? shape.Kind == ShapeKind.Collection && (name == "array.size" || shape.Element!.IsScalar)
            : shape.IsScalar || shape.Kind == ShapeKind.Null;
        if (!fits)
        {
            Unsupported(callee, $"'{name}' on {DescribeValue(value)}", function is null
                ? "array functions take a collection of strings, numbers, bools, chars or enums"
                : "string functions take text or a single number, bool, char or enum value");
            return null;
        }

        return function switch
        {
            null => BindArrayFunction(callee, name, value, arguments),
            StringFunction.Truncate => BindTruncate(callee, value, arguments),
            _ when arguments.Count > 0 => WrongArguments(callee, name),
            StringFunction.Size => new Bound(new StringFunctionExpression(StringFunction.Size, value.Expression, 0, null, ValueShape.Int32), null),
            _ => new Bound(new StringFunctionExpression(function.Value, value.Expression, 0, null, ValueShape.Text), null),
        };
    }

    private Bound? BindArrayFunction(ScriptExpression callee, string name, Bound input, IReadOnlyList<ScriptExpression> arguments)
    {
        _countsLoopSteps = true;
        if (name == "array.size")
        {
            return arguments.Count == 0 ? new Bound(new ArraySizeExpression(input.Expression, _loops.Count == 0), null) : WrongArguments(callee, name);
        }

        return arguments is [ScriptLiteral { Value: string separator }]
            ? new Bound(new JoinExpression(input.Expression, separator, _loops.Count == 0), null)
            : WrongArguments(callee, name);
    }

    private Bound? BindTruncate(ScriptExpression callee, Bound input, IReadOnlyList<ScriptExpression> arguments) => arguments switch
    {
        [ScriptLiteral { Value: int length }] when length >= 0 =>
            new Bound(new StringFunctionExpression(StringFunction.Truncate, input.Expression, length, null, ValueShape.Text), null),
        [ScriptLiteral { Value: int length }, ScriptLiteral { Value: string ellipsis }] when length >= 0 =>
            new Bound(new StringFunctionExpression(StringFunction.Truncate, input.Expression, length, ellipsis, ValueShape.Text), null),
        _ => WrongArguments(callee, "string.truncate"),
    };

    private Bound? WrongArguments(ScriptExpression callee, string name)
    {
        Unsupported(callee, $"the function '{name}' with these arguments", $"write it as {{{{ value | {name}{Usage(name)} }}}}, with the arguments written as literals");
        return null;
    }

    private static string Usage(string name) => name switch
    {
        "array.join" => " \", \"",
        "string.truncate" => " 100",
        _ => string.Empty,
    };

    /// <summary>The builtin function <paramref name="callee"/> names (<c>string.upcase</c>…), unless the item hides its namespace.</summary>
    private string? FunctionName(ScriptExpression callee) =>
        callee is ScriptMemberExpression { Target: ScriptVariableGlobal space, Member: { } function } member
        && member.DotToken?.Value == "."
        && Builtins.Contains(space.Name)
        && !Hides(space.Name)
            ? $"{space.Name}.{function.Name}"
            : null;

    private string FunctionAdvice(ScriptExpression? callee) =>
        callee is ScriptMemberExpression { Target: ScriptVariableGlobal space } && Builtins.Contains(space.Name) && Hides(space.Name)
            ? $"'{space.Name}' names a member of '{TypeName(_root)}' or a loop variable here, which hides Scriban's {space.Name} functions; rename it"
            : SupportedFunctions;

    private bool Hides(string name) => _rootMembers.TryGet(name, out _) || _loops.Any(l => !l.InElse && l.Variable == name);

    private Bound? BindCompare(ScriptBinaryExpression binary, CompareOperator op)
    {
        var left = BindExpression(binary.Left!);
        var right = BindExpression(binary.Right!);
        if (left is not { } l || right is not { } r)
        {
            return null;
        }

        var leftIsLiteral = IsLiteral(l.Expression);
        if (leftIsLiteral == IsLiteral(r.Expression))
        {
            Unsupported(binary, $"the comparison '{Snippet(binary)}'", "compare one value with a literal, e.g. year >= 2000 or genre == \"Drama\"");
            return null;
        }

        var value = leftIsLiteral ? r : l;
        var literal = leftIsLiteral ? l.Expression : r.Expression;
        var (mode, common, problem) = Classify(op, value, literal);
        if (problem is not null)
        {
            Unsupported(binary, $"the comparison '{Snippet(binary)}'", problem);
            return null;
        }

        return new Bound(new CompareExpression(op, mode, common, l.Expression, r.Expression), null);
    }

    private static bool IsLiteral(TemplateExpression expression) =>
        expression is StringLiteral or NumberLiteral or BoolLiteral or NullLiteral;

    /// <summary>
    /// Picks the path Scriban's <c>ScriptBinaryExpression</c> takes for these operands, or explains why no single path
    /// applies to every run-time value (then Scriban's result would depend on the data in ways LlmErs does not mirror).
    /// </summary>
    private (CompareMode Mode, NumberKind Common, string? Problem) Classify(CompareOperator op, Bound value, TemplateExpression literal)
    {
        var shape = value.Expression.Shape;
        var equality = op is CompareOperator.Equal or CompareOperator.NotEqual;
        switch (literal)
        {
            case NullLiteral:
                return (CompareMode.Null, NumberKind.None, equality ? null : "compare with null only through == or !=");
            case StringLiteral:
                // A string on either side makes Scriban compare both sides as text, whatever the other holds.
                return (CompareMode.Text, NumberKind.None, shape.IsScalar ? null : $"{DescribeValue(value)} cannot be compared with text; compare its members, or compare it with null");
            case BoolLiteral:
                return (CompareMode.Bool, NumberKind.None,
                    shape.Kind != ShapeKind.Bool ? "compare true or false with a bool value only"
                    : equality ? null : "bools only support == and !=");
            case NumberLiteral number when shape.Kind == ShapeKind.Number:
                if (shape.Number == NumberKind.UInt64 || (shape.Number == NumberKind.UInt32 && number.IsNegative))
                {
                    return (CompareMode.Number, NumberKind.None, "Scriban converts the number to the member's unsigned type, which fails for some values; use a signed type");
                }

                var common = CommonNumber(shape.Number, number.Shape.Number);
                if (common == NumberKind.Decimal && (shape.Number is NumberKind.Single or NumberKind.Double || !FitsDecimal(number)))
                {
                    return (CompareMode.Number, NumberKind.None,
                        "Scriban converts both numbers to decimal, which fails for NaN, infinities and values beyond decimal's range; drop the 'm' suffix or compare a decimal member");
                }

                return (CompareMode.Number, common, null);
            default:
                return (CompareMode.Number, NumberKind.None, shape.Kind switch
                {
                    ShapeKind.String or ShapeKind.Char => "compare text with a string literal, e.g. code == \"42\"",
                    ShapeKind.Enum => "compare an enum with its name as a string, e.g. genre == \"Drama\"",
                    ShapeKind.Bool => "compare a bool with true or false",
                    _ => $"{DescribeValue(value)} cannot be compared with a number; compare its members, or compare it with null",
                });
        }
    }

    private static bool FitsDecimal(NumberLiteral number) =>
        number.Shape.Number is not (NumberKind.Single or NumberKind.Double)
        || (double.TryParse(number.Code.TrimEnd('d', 'f'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) < 7.9e28);

    /// <summary>The type Scriban converts both numbers to: decimal, then double, then float win; integers compare as integers.</summary>
    private static NumberKind CommonNumber(NumberKind a, NumberKind b) =>
        a == NumberKind.Decimal || b == NumberKind.Decimal ? NumberKind.Decimal
        : a == NumberKind.Double || b == NumberKind.Double ? NumberKind.Double
        : a == NumberKind.Single || b == NumberKind.Single ? NumberKind.Single
        : NumberKind.Int64;
}
