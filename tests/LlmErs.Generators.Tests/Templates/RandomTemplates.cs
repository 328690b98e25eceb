using System.Text;

namespace LlmErs.Generators.Tests.Templates;

/// <summary>
/// Random templates over <see cref="DiffMovie"/>, built from the supported constructs nested in random ways (with a
/// share of combinations the compiler rejects, which the caller skips).
/// </summary>
internal sealed class RandomTemplates(int seed)
{
    private static readonly string[] Scalars =
    [
        "title", "overview", "tagline", "grade", "mark", "flag", "maybe_flag", "i8", "u8", "i16", "u16", "year", "u32", "i64",
        "u64", "f32", "score", "price", "rank", "rating", "genre", "maybe_genre", "tags", "motto", "base_note", "shadowed",
        "location.x", "maybe_location?.y", "director?.name", "director?.age", "director?.mentor?.name", "checked",
    ];

    private static readonly string[] Literals = ["'a'", "\"x\\ny\"", "''", "3", "-2", "1.5", "0.1f", "2.50m", "true", "null"];

    private static readonly string[] ScalarLists = ["genres", "keywords", "counts", "ratings", "genre_list", "tag_set"];

    private static readonly string[] Texts = ["Hi ", "\n", "  ", "\t", "x\ny", " - ", "\r\n", "😀", "{%{ {{raw}} }%}"];

    private static readonly string[] Operators = ["==", "!=", "<", ">", "<=", ">="];

    private readonly Random _random = new(seed);

    public string Next()
    {
        var builder = new StringBuilder();
        Block(builder, depth: 0, []);
        return builder.ToString();
    }

    private void Block(StringBuilder builder, int depth, List<(string Name, string Kind)> scope)
    {
        var count = _random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            switch (_random.Next(depth >= 2 ? 3 : 5))
            {
                case 0:
                    builder.Append(Pick(Texts));
                    break;
                case 1:
                case 2:
                    builder.Append(Open()).Append(Value(scope)).Append(Close());
                    break;
                case 3:
                    If(builder, depth, scope);
                    break;
                default:
                    For(builder, depth, scope);
                    break;
            }
        }
    }

    private void If(StringBuilder builder, int depth, List<(string Name, string Kind)> scope)
    {
        builder.Append(Open()).Append("if ").Append(Condition(scope)).Append(Close());
        Block(builder, depth + 1, scope);
        if (_random.Next(3) == 0)
        {
            builder.Append(Open()).Append("else if ").Append(Condition(scope)).Append(Close());
            Block(builder, depth + 1, scope);
        }

        if (_random.Next(2) == 0)
        {
            builder.Append(Open()).Append("else").Append(Close());
            Block(builder, depth + 1, scope);
        }

        builder.Append(Open()).Append("end").Append(Close());
    }

    private void For(StringBuilder builder, int depth, List<(string Name, string Kind)> scope)
    {
        var variable = Pick(["v", "w", "title", "g"]);
        var (collection, kind) = Collection(scope);
        var arguments = Pick(["", "", " limit:2", " offset:1", " reversed", " reversed offset:1 limit:3", " limit:0"]);
        builder.Append(Open()).Append($"for {variable} in {collection}{arguments}").Append(Close());
        Block(builder, depth + 1, [.. scope, (variable, kind)]);
        if (_random.Next(3) == 0)
        {
            builder.Append(Open()).Append("else").Append(Close());
            Block(builder, depth + 1, scope);
        }

        builder.Append(Open()).Append("end").Append(Close());
    }

    private (string Collection, string Kind) Collection(List<(string Name, string Kind)> scope)
    {
        var nested = scope.Where(s => s.Kind is "person" or "row").ToList();
        if (nested.Count > 0 && _random.Next(3) == 0)
        {
            var (name, kind) = Pick(nested);
            return kind == "person" ? ($"{name}?.aliases", "scalar") : (name, "scalar");
        }

        return _random.Next(5) switch
        {
            0 => ("cast", "person"),
            1 => ("matrix", "row"),
            2 => ("points", "point"),
            _ => (Pick(ScalarLists), "scalar"),
        };
    }

    private string Value(List<(string Name, string Kind)> scope)
    {
        var value = Operand(scope);
        return _random.Next(3) switch
        {
            0 => value + Pick([" | string.upcase", " | string.downcase", " | string.strip", " | string.size", " | string.truncate 4", " | string.truncate 6 '~'"]),
            1 when _random.Next(2) == 0 => $"{Pick(ScalarLists)} | array.join '{Pick([", ", "", "-"])}'" + Pick(["", " | string.upcase", " | string.size"]),
            _ => value,
        };
    }

    private string Operand(List<(string Name, string Kind)> scope)
    {
        if (scope.Count > 0 && _random.Next(3) == 0)
        {
            var (name, kind) = Pick(scope);
            return kind switch
            {
                "person" => Pick([$"{name}?.name", $"{name}?.age", $"{name}.name"]),
                "point" => $"{name}.{Pick(["x", "y"])}",
                "row" => $"{name} | array.join ','",
                _ => Pick([name, "for.index", "for.first", "for.last", "for.even", "for.odd"]),
            };
        }

        return _random.Next(6) == 0 ? Pick(Literals) : Pick(Scalars);
    }

    private string Condition(List<(string Name, string Kind)> scope) => _random.Next(7) switch
    {
        0 => $"!{Operand(scope)}",
        1 => $"{Operand(scope)} {Pick(Operators)} {Pick(Literals)}",
        2 => $"{Pick(Literals)} {Pick(Operators)} {Operand(scope)}",
        3 => $"{Operand(scope)} && {Operand(scope)}",
        4 => $"({Condition(scope)}) || {Operand(scope)}",
        5 => $"({Pick(ScalarLists)} | array.size) > {_random.Next(4)}",
        _ => Operand(scope),
    };

    private string Open() => Pick(["{{ ", "{{ ", "{{~ ", "{{- ", "\n  {{ "]);

    private string Close() => Pick([" }}", " }}", " ~}}", " -}}", " }}\n"]);

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];
}
