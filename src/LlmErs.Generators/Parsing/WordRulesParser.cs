using System.Collections.Generic;
using System.Linq;
using LlmErs.Generators.Diagnostics;
using LlmErs.Generators.Model;
using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Parsing;

/// <summary>
/// Reads and checks an LLM field's <c>BlockedWords</c> and <c>AllowedWords</c>. Entries are compared as the runtime
/// matches them (<see cref="WordKey"/>), so a list the compiler accepts never holds an entry that cannot match or that
/// shadows another.
/// </summary>
internal sealed class WordRulesParser(AttributeReader reader, string shortName, string property, List<DiagnosticInfo> diagnostics)
{
    private const string Blocked = "BlockedWords";
    private const string Allowed = "AllowedWords";

    public FieldOptions Read(FieldOptions options)
    {
        var blocked = ReadList(Blocked);
        var allowed = ReadList(Allowed);
        if (reader.Has(Allowed) && !reader.Has(Blocked))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AllowedWordsWithoutBlockedWords, Locate(Allowed), property));
        }

        var blockedKeys = new HashSet<string>(blocked.Select(WordKey.Of));
        for (var i = 0; i < allowed.Count; i++)
        {
            if (WordKey.Of(allowed[i]) is { Length: > 0 } key && blockedKeys.Contains(key))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WordBlockedAndAllowed, Element(Allowed, i), property, allowed[i]));
            }
        }

        return options with { BlockedWords = blocked.ToEquatableArray(), AllowedWords = allowed.ToEquatableArray() };
    }

    private List<string> ReadList(string option)
    {
        var entries = reader.Strings(option);
        if (reader.Has(option) && entries.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyWordList, Locate(option), shortName, property, option));
        }

        var seen = new Dictionary<string, string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var key = entry is null ? "" : WordKey.Of(entry);
            if (key.Length == 0)
            {
                var shown = entry is null ? "null" : CSharpLiteral.String(entry);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WordlessWordEntry, Element(option, i), shortName, property, option, shown));
            }
            else if (seen.ContainsKey(key))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateWordEntry, Element(option, i), property, entry!, option, key));
            }
            else
            {
                seen.Add(key, entry!);
            }
        }

        return entries.Select(e => e ?? "").ToList();
    }

    private LocationInfo? Element(string option, int index) => LocationInfo.From(reader.ElementSyntax(option, index)) ?? Locate(option);

    private LocationInfo? Locate(string option) =>
        LocationInfo.From(reader.NamedArgumentSyntax(option)?.Parent) ?? LocationInfo.From(reader.Syntax);
}
