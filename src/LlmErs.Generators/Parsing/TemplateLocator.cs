using System;
using System.Collections.Generic;
using LlmErs.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmErs.Generators.Parsing;

/// <summary>
/// Maps offsets in a template's text back to the source inside its string literal, so that a diagnostic points at
/// the bad token itself. Where the template is not a plain literal (a constant, a concatenation, a multi-line raw
/// string) it falls back to the whole argument.
/// </summary>
internal sealed class TemplateLocator
{
    private readonly SyntaxTree? _tree;
    private readonly LocationInfo? _whole;
    private readonly int[]? _map;

    private TemplateLocator(SyntaxTree? tree, LocationInfo? whole, int[]? map)
    {
        _tree = tree;
        _whole = whole;
        _map = map;
    }

    public static TemplateLocator For(ExpressionSyntax? argument)
    {
        if (argument is null)
        {
            return new TemplateLocator(null, null, null);
        }

        var whole = LocationInfo.From(argument);
        var map = argument is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                  && !literal.Token.ContainsDiagnostics
            ? Map(literal.Token)
            : null;
        if (map is not null && map.Length != ((LiteralExpressionSyntax)argument).Token.ValueText.Length + 1)
        {
            map = null;
        }

        return new TemplateLocator(argument.SyntaxTree, whole, map);
    }

    /// <summary>The source location of template characters [start, start + length), or the whole argument.</summary>
    public LocationInfo? Locate(int start, int length)
    {
        if (_map is null || _tree is null || start < 0 || start >= _map.Length)
        {
            return _whole;
        }

        var end = Math.Min(start + Math.Max(length, 0), _map.Length - 1);
        var sourceStart = _map[start];
        return LocationInfo.Within(_tree, sourceStart, Math.Max(_map[end] - sourceStart, length == 0 ? 0 : 1));
    }

    /// <summary>For each character of the literal's value, the source position it came from (plus one past the end).</summary>
    private static int[]? Map(SyntaxToken token)
    {
        var text = token.Text;
        var origin = token.SpanStart;
        switch (token.Kind())
        {
            case SyntaxKind.StringLiteralToken when text.StartsWith("@\"", StringComparison.Ordinal):
                return MapVerbatim(text, origin);
            case SyntaxKind.StringLiteralToken:
                return MapRegular(text, origin);
            case SyntaxKind.SingleLineRawStringLiteralToken:
                var quotes = 0;
                while (quotes < text.Length && text[quotes] == '"') quotes++;
                var value = token.ValueText;
                var raw = new int[value.Length + 1];
                for (var i = 0; i <= value.Length; i++) raw[i] = origin + quotes + i;
                return raw;
            default:
                return null;
        }
    }

    private static int[] MapVerbatim(string text, int origin)
    {
        var map = new List<int>();
        var i = 2;
        while (i < text.Length - 1)
        {
            map.Add(origin + i);
            i += text[i] == '"' ? 2 : 1;
        }

        map.Add(origin + text.Length - 1);
        return map.ToArray();
    }

    private static int[] MapRegular(string text, int origin)
    {
        var map = new List<int>();
        var i = 1;
        while (i < text.Length - 1)
        {
            var start = i;
            if (text[i] != '\\')
            {
                map.Add(origin + start);
                i++;
                continue;
            }

            var kind = i + 1 < text.Length ? text[i + 1] : '\0';
            var produced = 1;
            switch (kind)
            {
                case 'x':
                    i += 2;
                    var digits = 0;
                    while (digits < 4 && i < text.Length - 1 && Uri.IsHexDigit(text[i])) { i++; digits++; }
                    break;
                case 'u':
                    i += 6;
                    break;
                case 'U':
                    var code = i + 10 <= text.Length ? Convert.ToInt32(text.Substring(i + 2, 8), 16) : 0;
                    produced = code > 0xFFFF ? 2 : 1;
                    i += 10;
                    break;
                default:
                    i += 2;
                    break;
            }

            for (var k = 0; k < produced; k++) map.Add(origin + start);
        }

        map.Add(origin + text.Length - 1);
        return map.ToArray();
    }
}
