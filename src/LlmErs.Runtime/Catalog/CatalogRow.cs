using System.Text.Json.Nodes;

namespace LlmErs;

/// <summary>One row of a catalog file as a JSON object of its members, or the reason it could not be read.</summary>
internal readonly record struct CatalogRow(int LineNumber, JsonObject? Values, string? Problem, string? Member = null);
