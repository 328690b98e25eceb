using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Templates;

/// <summary>
/// A compiled template: straight-line statements over bound expressions, equatable so the generator's model stays cached.
/// </summary>
/// <param name="Body">The page's statements.</param>
/// <param name="TracksLineStarts">
/// Some write carries a non-empty indent (Scriban's auto-indent), so every write must track whether output is at a line start.
/// </param>
/// <param name="CountsLoopSteps">Some loop or join runs, so Scriban's iteration limit must be counted.</param>
internal sealed record TemplateSpec(EquatableArray<TemplateNode> Body, bool TracksLineStarts, bool CountsLoopSteps);

internal abstract record TemplateNode;

/// <summary>
/// Raw text. <paramref name="Indent"/> is Scriban's auto-indent in force for this write: it prefixes every line that
/// the write starts (empty for none).
/// </summary>
internal sealed record TextNode(string Text, string Indent) : TemplateNode;

/// <summary>
/// <c>{{ value }}</c>: the value converted to text as Scriban's <c>ObjectToString</c> does, passed through the caller's
/// input encoder when there is one, then written. <paramref name="Source"/> is the expression as written in the template
/// (trimmed), which names the input to the encoder.
/// </summary>
internal sealed record OutputNode(TemplateExpression Value, string Source, string Indent) : TemplateNode;

/// <summary><c>if</c>; an <c>else if</c> is an <see cref="IfNode"/> alone in <paramref name="Else"/>.</summary>
internal sealed record IfNode(TemplateExpression Condition, EquatableArray<TemplateNode> Then, EquatableArray<TemplateNode> Else) : TemplateNode;

/// <summary>
/// <c>for item in collection offset:n reversed limit:m</c> … <c>else</c> … <c>end</c>.
/// <paramref name="OpensLoopScope"/> is true for an outermost loop, where Scriban restarts its iteration count.
/// </summary>
internal sealed record ForNode(
    int Loop,
    TemplateExpression Collection,
    int Offset,
    int Limit,
    bool Reversed,
    bool OpensLoopScope,
    EquatableArray<TemplateNode> Body,
    EquatableArray<TemplateNode> Else) : TemplateNode;
