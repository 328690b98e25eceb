using System;
using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Templates;

/// <summary>The state of one <see cref="TemplateEmitter.Emit"/>: statement emission here, expressions in the other part.</summary>
internal sealed partial class TemplateWriter(SourceWriter writer, TemplateSpec spec, string item, string builder, string encoder)
{
    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
    private const string LineStart = "__atLineStart";
    private const string Steps = "__steps";
    private const string EncoderType = "global::LlmErs.IPromptInputEncoder";
    private int _locals;
    private bool _usesText;
    private bool _usesInput;

    public void Write()
    {
        writer.WriteLine("{").Indent();
        writer.WriteLine($"var __start = {builder}.Length;");
        if (spec.TracksLineStarts)
        {
            writer.WriteLine($"var {LineStart} = false;");
        }

        if (spec.CountsLoopSteps)
        {
            writer.WriteLine($"var {Steps} = 0L;");
        }

        WriteNodes(spec.Body);

        // Scriban's output limit: past it the output is cut and "..." written once.
        writer.OpenBlock($"if ({builder}.Length - __start > {ScribanDefaults.LimitToString})");
        writer.WriteLine($"{builder}.Length = __start + {ScribanDefaults.LimitToString};");
        writer.WriteLine($"{builder}.Append({CSharpLiteral.String(ScribanDefaults.Ellipsis)});");
        writer.CloseBlock();
        WriteHelpers();
        writer.CloseBlock();
    }

    private void WriteNodes(EquatableArray<TemplateNode> nodes)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    WriteOutput(CSharpLiteral.String(text.Text), text.Indent);
                    break;
                case OutputNode output:
                    WriteOutput(Input(output), output.Indent);
                    break;
                case IfNode conditional:
                    WriteIf(conditional);
                    break;
                case ForNode loop:
                    WriteFor(loop);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown template node {node.GetType().Name}.");
            }
        }
    }

    /// <summary>An output's text, through the encoder: the value and the expression it came from, as written.</summary>
    private string Input(OutputNode output)
    {
        var value = Format(output.Value);
        _usesInput = true;
        return $"__Input({encoder}, {CSharpLiteral.String(output.Source)}, {value})";
    }

    private void WriteOutput(string text, string indent) =>
        writer.WriteLine(spec.TracksLineStarts
            ? $"__Write({text}, {CSharpLiteral.String(indent)});"
            : $"{builder}.Append({text});");

    private void WriteIf(IfNode node)
    {
        var truthy = Truthy(node.Condition);
        var condition = Local("c");
        writer.WriteLine($"var {condition} = {truthy};");
        writer.OpenBlock($"if ({condition})");
        WriteNodes(node.Then);
        writer.CloseBlock();
        if (node.Else.Count > 0)
        {
            writer.OpenBlock("else");
            WriteNodes(node.Else);
            writer.CloseBlock();
        }
    }

    /// <summary>
    /// A for loop as <c>ScriptForStatement</c> runs it: nothing for null, offset/reversed/limit applied in that order,
    /// one iteration step per item, the else branch when no item came, and a look-ahead that answers <c>for.last</c>.
    /// </summary>
    private void WriteFor(ForNode node)
    {
        var collection = Value(node.Collection);
        var source = NonNull(collection, node.Collection.Shape);
        if (node.Offset > 0)
        {
            source = $"global::System.Linq.Enumerable.Skip({source}, {node.Offset})";
        }

        if (node.Reversed)
        {
            source = $"global::System.Linq.Enumerable.Reverse({source})";
        }

        if (node.Limit > 0)
        {
            source = $"global::System.Linq.Enumerable.Take({source}, {node.Limit})";
        }

        OpenUnlessNull(collection, node.Collection.Shape);
        if (node.OpensLoopScope)
        {
            writer.WriteLine($"{Steps} = 0;");
        }

        var id = node.Loop;
        writer.OpenBlock($"using (var __e{id} = global::System.Linq.Enumerable.AsEnumerable({source}).GetEnumerator())");
        writer.OpenBlock($"if (__e{id}.MoveNext())");
        writer.WriteLine($"var __i{id} = 0;");
        writer.OpenBlock("while (true)");
        WriteStep(ScribanDefaults.LoopLimitMessage);
        writer.WriteLine($"var __x{id} = __e{id}.Current;");
        writer.WriteLine($"var __last{id} = !__e{id}.MoveNext();");
        WriteNodes(node.Body);
        writer.OpenBlock($"if (__last{id})");
        writer.WriteLine("break;");
        writer.CloseBlock();
        writer.WriteLine($"__i{id}++;");
        writer.CloseBlock();
        writer.CloseBlock();
        if (node.Else.Count > 0)
        {
            writer.OpenBlock("else");
            WriteNodes(node.Else);
            writer.CloseBlock();
        }

        writer.CloseBlock();
        CloseUnlessNull(node.Collection.Shape);
    }

    private void WriteStep(string message)
    {
        writer.OpenBlock($"if (++{Steps} > {ScribanDefaults.LoopLimit})");
        writer.WriteLine($"throw new global::System.InvalidOperationException({CSharpLiteral.String(message)});");
        writer.CloseBlock();
    }

    /// <summary>Opens a block that runs only when <paramref name="value"/> is not null (nothing when it never is).</summary>
    private void OpenUnlessNull(string value, ValueShape shape)
    {
        if (shape.CanBeNull)
        {
            writer.OpenBlock($"if ({value} is not null)");
        }
    }

    private void CloseUnlessNull(ValueShape shape)
    {
        if (shape.CanBeNull)
        {
            writer.CloseBlock();
        }
    }

    private void WriteHelpers()
    {
        if (_usesText)
        {
            writer.WriteLine();
            writer.WriteLine("// Scriban's ObjectToString: text at its length limit is cut there and marked with \"...\".");
            writer.WriteLine("static string? __Text(string? __value) =>");
            writer.WriteLine($"    __value is {{ Length: >= {ScribanDefaults.LimitToString} }} ? __value.Substring(0, {ScribanDefaults.LimitToString}) + {CSharpLiteral.String(ScribanDefaults.Ellipsis)} : __value;");
        }

        if (_usesInput)
        {
            writer.WriteLine();
            writer.WriteLine("// Each {{ }} output goes through the caller's encoder, if any, with its expression as written; literal text never does.");
            writer.WriteLine($"static string? __Input({EncoderType}? __encoder, string __input, string? __value) =>");
            writer.WriteLine("    __encoder is null || __value is null ? __value : __encoder.Encode(__input, __value);");
        }

        if (spec.TracksLineStarts)
        {
            writer.WriteLine();
            writer.WriteLine("// Scriban's auto-indent: a write under an indented {{ }} prefixes each line it starts with that indent.");
            writer.OpenBlock("void __Write(string? __text, string __indent)");
            writer.OpenBlock("if (string.IsNullOrEmpty(__text))");
            writer.WriteLine("return;");
            writer.CloseBlock();
            writer.OpenBlock("for (var __from = 0; __from < __text.Length;)");
            writer.OpenBlock($"if ({LineStart})");
            writer.WriteLine($"{builder}.Append(__indent);");
            writer.CloseBlock();
            writer.WriteLine("var __newline = __text.IndexOf('\\n', __from);");
            writer.WriteLine("var __to = __newline < 0 ? __text.Length : __newline + 1;");
            writer.WriteLine($"{builder}.Append(__text, __from, __to - __from);");
            writer.WriteLine($"{LineStart} = __newline >= 0;");
            writer.WriteLine("__from = __to;");
            writer.CloseBlock();
            writer.CloseBlock();
        }
    }

    private string Local(string kind) => $"__{kind}{++_locals}";
}
