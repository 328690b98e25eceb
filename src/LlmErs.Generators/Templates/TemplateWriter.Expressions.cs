using System;
using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Templates;

internal sealed partial class TemplateWriter
{
    /// <summary>
    /// Writes the statements that compute <paramref name="expression"/> and returns C# for its value: a local or a
    /// literal, cheap and free of side effects, typed as the member it reads (nullable where it may be null).
    /// </summary>
    private string Value(TemplateExpression expression)
    {
        switch (expression)
        {
            case RootMemberExpression member:
                return Declare("v", $"{member.StaticOwner ?? item}.{CSharpIdentifier.Escape(member.Name)}");
            case MemberExpression member:
                return Member(member);
            case LoopItemExpression loopItem:
                return $"__x{loopItem.Loop}";
            case LoopStateExpression state:
                return state.Property switch
                {
                    LoopProperty.Index => $"__i{state.Loop}",
                    LoopProperty.First => $"(__i{state.Loop} == 0)",
                    LoopProperty.Last => $"__last{state.Loop}",
                    LoopProperty.Even => $"((__i{state.Loop} & 1) == 0)",
                    _ => $"((__i{state.Loop} & 1) != 0)",
                };
            case StringLiteral text:
                return CSharpLiteral.String(text.Value);
            case NumberLiteral number:
                return number.IsNegative ? $"({number.Code})" : number.Code;
            case BoolLiteral flag:
                return CSharpLiteral.Bool(flag.Value);
            case NullLiteral:
                return "null";
            case NotExpression not:
                return Declare("b", $"!{Truthy(not.Operand)}");
            case LogicalExpression logical:
                return Logical(logical);
            case CompareExpression compare:
                return Compare(compare);
            case StringFunctionExpression function:
                return StringFunctionValue(function);
            case JoinExpression join:
                return Join(join);
            case ArraySizeExpression size:
                return ArraySize(size);
            default:
                throw new InvalidOperationException($"Unknown template expression {expression.GetType().Name}.");
        }
    }

    /// <summary>
    /// Scriban's member access: <c>?.</c> yields null on a null target, a plain <c>.</c> throws (with Scriban's message).
    /// </summary>
    private string Member(MemberExpression member)
    {
        var target = Value(member.Target);
        if (member.NullConditional)
        {
            return Declare("v", $"{target}?.{CSharpIdentifier.Escape(member.Name)}");
        }

        if (member.Target.Shape.CanBeNull)
        {
            writer.OpenBlock($"if ({target} is null)");
            writer.WriteLine($"throw new global::System.InvalidOperationException({CSharpLiteral.String(ScribanDefaults.NullMemberMessage(member.Path))});");
            writer.CloseBlock();
        }

        return Declare("v", $"{NonNull(target, member.Target.Shape)}.{CSharpIdentifier.Escape(member.Name)}");
    }

    /// <summary>Scriban's <c>ToBool</c>: null is false, a bool is itself, anything else — "", 0, an empty list — is true.</summary>
    private string Truthy(TemplateExpression expression)
    {
        switch (expression)
        {
            case NullLiteral:
                return "false";
            case StringLiteral or NumberLiteral:
                return "true";
            case BoolLiteral flag:
                return CSharpLiteral.Bool(flag.Value);
        }

        var value = Value(expression);
        var shape = expression.Shape;
        return (shape.Kind, shape.Nullness) switch
        {
            (ShapeKind.Bool, Nullness.Never) => value,
            (ShapeKind.Bool, _) => $"({value} == true)",
            (_, Nullness.Never) => "true",
            _ => $"({value} is not null)",
        };
    }

    /// <summary>Scriban's <c>ObjectToString</c>, as C# of type <c>string?</c>: invariant culture, lower-case bools, null stays null.</summary>
    private string Format(TemplateExpression expression) =>
        expression is StringLiteral literal
            ? CSharpLiteral.String(literal.Value.Length >= ScribanDefaults.LimitToString
                ? literal.Value.Substring(0, ScribanDefaults.LimitToString) + ScribanDefaults.Ellipsis
                : literal.Value)
            : Format(Value(expression), expression.Shape);

    private string Format(string value, ValueShape shape)
    {
        var nullable = shape.Nullness == Nullness.NullableValue;
        switch (shape.Kind)
        {
            case ShapeKind.String:
                _usesText = true;
                return $"__Text({value})";
            case ShapeKind.Bool:
                return nullable ? $"({value}.HasValue ? ({value}.Value ? \"true\" : \"false\") : null)" : $"({value} ? \"true\" : \"false\")";
            case ShapeKind.Number:
                return $"{value}{(nullable ? "?" : "")}.ToString({Invariant})";
            case ShapeKind.Char or ShapeKind.Enum:
                return $"{value}{(nullable ? "?" : "")}.ToString()";
            case ShapeKind.Null:
                return "(string?)null";
            default:
                throw new InvalidOperationException($"A {shape.Kind} value cannot be written as text.");
        }
    }

    /// <summary>A function's text input, converted as Scriban's <c>ToObject&lt;string&gt;</c> does: strings pass unchanged.</summary>
    private string TextArgument(TemplateExpression expression) =>
        Declare("a", expression.Shape.Kind == ShapeKind.String ? Value(expression) : Format(expression), "string?");

    private string Logical(LogicalExpression logical)
    {
        var result = Declare("b", Truthy(logical.Left), "bool");
        writer.OpenBlock(logical.IsAnd ? $"if ({result})" : $"if (!{result})");
        writer.WriteLine($"{result} = {Truthy(logical.Right)};");
        writer.CloseBlock();
        return result;
    }

    private string Compare(CompareExpression compare)
    {
        string condition;
        switch (compare.Mode)
        {
            case CompareMode.Text:
                var left = Format(compare.Left);
                var right = Format(compare.Right);
                condition = compare.Operator switch
                {
                    CompareOperator.Equal => $"string.Equals({left}, {right})",
                    CompareOperator.NotEqual => $"!string.Equals({left}, {right})",
                    _ => $"string.CompareOrdinal({left}, {right}) {Token(compare.Operator)} 0",
                };
                break;
            case CompareMode.Null:
                var operand = compare.Left is NullLiteral ? compare.Right : compare.Left;
                var value = Value(operand);
                var isNull = operand.Shape.CanBeNull ? $"{value} is null" : "false";
                condition = compare.Operator == CompareOperator.Equal ? isNull : $"!({isNull})";
                break;
            case CompareMode.Bool:
                condition = $"{Value(compare.Left)} {Token(compare.Operator)} {Value(compare.Right)}";
                break;
            default:
                var a = Number(compare.Left, compare.Common);
                var b = Number(compare.Right, compare.Common);
                condition = $"{a} {Token(compare.Operator)} {b}";
                break;
        }

        return Declare("b", condition, "bool");
    }

    /// <summary>
    /// A number converted to the comparison's common type the way Scriban's <c>ToObject</c> does; a null stays null, so
    /// C#'s lifted operators give Scriban's answers (== false, != true, ordering false).
    /// </summary>
    private string Number(TemplateExpression expression, NumberKind common)
    {
        var value = Value(expression);
        var kind = expression.Shape.Number;
        if (kind == common)
        {
            return value;
        }

        if (expression is NumberLiteral && kind is NumberKind.Double or NumberKind.Single && common == NumberKind.Decimal)
        {
            // Rounds as Convert.ToDecimal does at run time, which the C# compiler's constant conversion may not.
            return $"global::System.Convert.ToDecimal({value})";
        }

        var type = CSharpType(common);
        return expression.Shape.Nullness == Nullness.NullableValue ? $"(({type}?){value})" : $"(({type}){value})";
    }

    private static string CSharpType(NumberKind kind) => kind switch
    {
        NumberKind.Decimal => "decimal",
        NumberKind.Double => "double",
        NumberKind.Single => "float",
        _ => "long",
    };

    private static string Token(CompareOperator op) => op switch
    {
        CompareOperator.Equal => "==",
        CompareOperator.NotEqual => "!=",
        CompareOperator.Less => "<",
        CompareOperator.Greater => ">",
        CompareOperator.LessOrEqual => "<=",
        _ => ">=",
    };

    private string StringFunctionValue(StringFunctionExpression function)
    {
        var text = TextArgument(function.Input);
        switch (function.Function)
        {
            case StringFunction.Upcase:
                return Declare("v", $"{text}?.ToUpperInvariant()");
            case StringFunction.Downcase:
                return Declare("v", $"{text}?.ToLowerInvariant()");
            case StringFunction.Strip:
                return Declare("v", $"{text}?.Trim()");
            case StringFunction.Size:
                return Declare("v", $"{text}?.Length ?? 0");
            default:
                // StringFunctions.Truncate: empty for null or "", else cut to leave room for the ellipsis when too long.
                var ellipsis = function.Ellipsis ?? ScribanDefaults.Ellipsis;
                var keep = Math.Max(0, function.Length - ellipsis.Length);
                return Declare("v",
                    $"string.IsNullOrEmpty({text}) ? string.Empty : {text}.Length > {function.Length} ? {text}.Substring(0, {keep}) + {CSharpLiteral.String(ellipsis)} : {text}");
        }
    }

    /// <summary>
    /// <c>ArrayFunctions.Join</c>: empty for null, each item converted by <c>ObjectToString</c> (null adds nothing), one
    /// iteration step per item, and an error once the text would pass the length limit.
    /// </summary>
    private string Join(JoinExpression join)
    {
        var collection = Value(join.Input);
        var result = Declare("v", "string.Empty", "string");
        OpenUnlessNull(collection, join.Input.Shape);
        if (join.OpensLoopScope)
        {
            writer.WriteLine($"{Steps} = 0;");
        }

        var id = ++_locals;
        var separator = join.Separator.Length > 0;
        writer.WriteLine($"var __sb{id} = new global::System.Text.StringBuilder();");
        if (separator)
        {
            writer.WriteLine($"var __first{id} = true;");
        }

        writer.OpenBlock($"foreach (var __e{id} in {NonNull(collection, join.Input.Shape)})");
        WriteStep(ScribanDefaults.InternalLoopLimitMessage);
        if (separator)
        {
            writer.OpenBlock($"if (!__first{id})");
            WriteJoinLimit($"__sb{id}", join.Separator.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteLine($"__sb{id}.Append({CSharpLiteral.String(join.Separator)});");
            writer.CloseBlock();
            writer.WriteLine($"__first{id} = false;");
        }

        writer.WriteLine($"var __t{id} = {Format($"__e{id}", join.Input.Shape.Element!)};");
        writer.OpenBlock($"if (__t{id} is not null)");
        WriteJoinLimit($"__sb{id}", $"__t{id}.Length");
        writer.WriteLine($"__sb{id}.Append(__t{id});");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine($"{result} = __sb{id}.ToString();");
        CloseUnlessNull(join.Input.Shape);
        return result;
    }

    private void WriteJoinLimit(string builderLocal, string addedLength)
    {
        writer.OpenBlock($"if ({builderLocal}.Length + {addedLength} > {ScribanDefaults.LimitToString})");
        writer.WriteLine($"throw new global::System.InvalidOperationException({CSharpLiteral.String(ScribanDefaults.JoinLimitMessage)});");
        writer.CloseBlock();
    }

    /// <summary><c>ArrayFunctions.Size</c>: 0 for null, <c>ICollection.Count</c> when it has one, else counted item by item.</summary>
    private string ArraySize(ArraySizeExpression size)
    {
        var collection = Value(size.Input);
        var result = Declare("v", "0", "int");
        OpenUnlessNull(collection, size.Input.Shape);
        var id = ++_locals;
        var items = NonNull(collection, size.Input.Shape);
        writer.OpenBlock($"if ((object){items} is global::System.Collections.ICollection __n{id})");
        writer.WriteLine($"{result} = __n{id}.Count;");
        writer.CloseBlock();
        writer.OpenBlock("else");
        if (size.OpensLoopScope)
        {
            writer.WriteLine($"{Steps} = 0;");
        }

        writer.OpenBlock($"foreach (var __e{id} in {items})");
        WriteStep(ScribanDefaults.InternalLoopLimitMessage);
        writer.WriteLine($"{result}++;");
        writer.CloseBlock();
        writer.CloseBlock();
        CloseUnlessNull(size.Input.Shape);
        return result;
    }

    /// <summary>The value behind <paramref name="value"/> once known not to be null: <c>.Value</c> for a Nullable&lt;T&gt;.</summary>
    private static string NonNull(string value, ValueShape shape) =>
        shape.Nullness == Nullness.NullableValue ? $"{value}.Value" : value;

    private string Declare(string kind, string initializer, string type = "var")
    {
        var name = Local(kind);
        writer.WriteLine($"{type} {name} = {initializer};");
        return name;
    }
}
