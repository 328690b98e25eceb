namespace LlmErs.Generators.Templates;

/// <summary>A bound template expression: everything it reads is resolved, every conversion decided.</summary>
internal abstract record TemplateExpression(ValueShape Shape);

/// <summary>A member of the item. <paramref name="StaticOwner"/> is the declaring type (global::-qualified) when the member is static.</summary>
internal sealed record RootMemberExpression(string Name, string? StaticOwner, ValueShape Shape) : TemplateExpression(Shape);

/// <summary>
/// <c>target.member</c>. <paramref name="Path"/> is the expression as Scriban prints it in the error it raises when the
/// target is null; <paramref name="NullConditional"/> is Scriban's <c>?.</c>, which yields null instead.
/// </summary>
internal sealed record MemberExpression(TemplateExpression Target, string Name, string Path, bool NullConditional, ValueShape Shape)
    : TemplateExpression(Shape);

/// <summary>The current item of the enclosing <c>for</c> loop number <paramref name="Loop"/>.</summary>
internal sealed record LoopItemExpression(int Loop, ValueShape Shape) : TemplateExpression(Shape);

internal enum LoopProperty
{
    Index,
    First,
    Last,
    Even,
    Odd,
}

/// <summary><c>for.index</c>, <c>for.first</c>… of the innermost loop.</summary>
internal sealed record LoopStateExpression(int Loop, LoopProperty Property, ValueShape Shape) : TemplateExpression(Shape);

internal sealed record StringLiteral(string Value) : TemplateExpression(ValueShape.Text);

/// <summary>A number literal as Scriban parsed it (int, long or double), kept as C# source text.</summary>
internal sealed record NumberLiteral(string Code, bool IsNegative, ValueShape Shape) : TemplateExpression(Shape);

internal sealed record BoolLiteral(bool Value) : TemplateExpression(ValueShape.Boolean);

internal sealed record NullLiteral() : TemplateExpression(ValueShape.NullLiteral);

/// <summary><c>!operand</c>: the negation of Scriban's truthiness.</summary>
internal sealed record NotExpression(TemplateExpression Operand) : TemplateExpression(ValueShape.Boolean);

/// <summary><c>&amp;&amp;</c> / <c>||</c>, short-circuiting like Scriban.</summary>
internal sealed record LogicalExpression(bool IsAnd, TemplateExpression Left, TemplateExpression Right) : TemplateExpression(ValueShape.Boolean);

internal enum CompareOperator
{
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
}

/// <summary>Which of Scriban's comparison paths applies, decided from the operand types.</summary>
internal enum CompareMode
{
    /// <summary>Either side is a string: both are converted to text and compared ordinally.</summary>
    Text,

    /// <summary>Against the <c>null</c> literal: a null check.</summary>
    Null,

    /// <summary>Against a <c>true</c>/<c>false</c> literal.</summary>
    Bool,

    /// <summary>Between numbers, converted to <see cref="CompareExpression.Common"/> first.</summary>
    Number,
}

internal sealed record CompareExpression(
    CompareOperator Operator,
    CompareMode Mode,
    NumberKind Common,
    TemplateExpression Left,
    TemplateExpression Right) : TemplateExpression(ValueShape.Boolean);

internal enum StringFunction
{
    Upcase,
    Downcase,
    Strip,
    Size,
    Truncate,
}

/// <summary>
/// A <c>string.*</c> function. <paramref name="Length"/> and <paramref name="Ellipsis"/> are <c>string.truncate</c>'s
/// arguments (Ellipsis null means Scriban's default).
/// </summary>
internal sealed record StringFunctionExpression(StringFunction Function, TemplateExpression Input, int Length, string? Ellipsis, ValueShape Shape)
    : TemplateExpression(Shape);

/// <summary>
/// <c>array.join</c>. <paramref name="OpensLoopScope"/> is true outside any loop, where Scriban restarts its iteration count.
/// </summary>
internal sealed record JoinExpression(TemplateExpression Input, string Separator, bool OpensLoopScope) : TemplateExpression(ValueShape.Text);

/// <summary><c>array.size</c>; counts like <see cref="JoinExpression"/> when the input is not an <c>ICollection</c>.</summary>
internal sealed record ArraySizeExpression(TemplateExpression Input, bool OpensLoopScope) : TemplateExpression(ValueShape.Int32);
