using System.Globalization;

namespace LlmErs.Redis.WorkerChild;

/// <summary>The child's <c>--name value</c> arguments.</summary>
internal sealed class Arguments(string[] args)
{
    private readonly Dictionary<string, string> _values = Enumerable.Range(0, args.Length / 2)
        .ToDictionary(i => args[2 * i].TrimStart('-'), i => args[2 * i + 1], StringComparer.Ordinal);

    public string Text(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"Missing argument --{name}.");

    public int Number(string name) => int.Parse(Text(name), CultureInfo.InvariantCulture);

    public int? OptionalNumber(string name) => _values.ContainsKey(name) ? Number(name) : null;

    public string? OptionalText(string name) => _values.GetValueOrDefault(name);
}
