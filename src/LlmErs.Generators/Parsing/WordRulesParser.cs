using System.Collections.Generic;
using System.Linq;
using LlmErs.Generators.Diagnostics;
using LlmErs.Generators.Model;
using LlmErs.Generators.Shared;

namespace LlmErs.Generators.Parsing;

/// <summary>
/// Reads and checks an LLM field's <c>BlockedWords</c> and <c>AllowedWords</c>, and the names in <c>BlockedWordLists</c>
/// and <c>AllowedWordLists</c>. Entries are compared as the runtime matches them (<see cref="WordKey"/>), so a list the
/// compiler accepts never holds an entry that cannot match or that shadows another.
/// </summary>
internal sealed class WordRulesParser(AttributeReader reader, string shortName, string property, List<DiagnosticInfo> diagnostics)
{
    private const string Blocked = "BlockedWords";
    private const string Allowed = "AllowedWords";
    private const string BlockedLists = "BlockedWordLists";
    private const string AllowedLists = "AllowedWordLists";

    public FieldOptions Read(FieldOptions options)
    {
        var blocked = ReadList(Blocked);
        var allowed = ReadList(Allowed);
        var blockedLists = ReadNames(BlockedLists);
        var allowedLists = ReadNames(AllowedLists);
        if (!reader.Has(Blocked) && !reader.Has(BlockedLists))
        {
            foreach (var option in new[] { Allowed, AllowedLists }.Where(reader.Has))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AllowedWordsWithoutBlockedWords, Locate(option), property, option));
            }
        }

        var blockedKeys = new HashSet<string>(blocked.Select(WordKey.Of));
        for (var i = 0; i < allowed.Count; i++)
        {
            if (WordKey.Of(allowed[i]) is { Length: > 0 } key && blockedKeys.Contains(key))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WordBlockedAndAllowed, Element(Allowed, i), property, allowed[i]));
            }
        }

        for (var i = 0; i < allowedLists.Count; i++)
        {
            if (allowedLists[i].Length > 0 && blockedLists.Contains(allowedLists[i]))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WordListBlockedAndAllowed, Element(AllowedLists, i), property, allowedLists[i]));
            }
        }

        return options with
        {
            BlockedWords = blocked.ToEquatableArray(),
            AllowedWords = allowed.ToEquatableArray(),
            BlockedWordLists = blockedLists.ToEquatableArray(),
            AllowedWordLists = allowedLists.ToEquatableArray(),
        };
    }

    /// <summary>The names of the word lists an option references; registered at run time, so only their spelling is checked here.</summary>
    private List<string> ReadNames(string option)
    {
        var names = reader.Strings(option);
        ReportIfEmpty(option, names.Count);
        var seen = new HashSet<string>();
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (string.IsNullOrWhiteSpace(name))
            {
                var shown = name is null ? "null" : CSharpLiteral.String(name);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BlankWordListName, Element(option, i), shortName, property, option, shown));
            }
            else if (!seen.Add(name!))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateWordListName, Element(option, i), property, name!, option));
            }
        }

        return names.Select(n => string.IsNullOrWhiteSpace(n) ? "" : n!).ToList();
    }

    private void ReportIfEmpty(string option, int count)
    {
        if (reader.Has(option) && count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyWordList, Locate(option), shortName, property, option));
        }
    }

    private List<string> ReadList(string option)
    {
        var entries = reader.Strings(option);
        ReportIfEmpty(option, entries.Count);

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
