using System.Text.Json.Serialization;

namespace LlmErs.Vectors;

/// <summary>The manifest's JSON shape, generated at build time so reading it needs no reflection (AOT-clean).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, IgnoreReadOnlyProperties = false)]
[JsonSerializable(typeof(ServingManifest))]
internal sealed partial class ServingManifestJson : JsonSerializerContext;
