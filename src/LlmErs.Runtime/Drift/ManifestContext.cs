namespace LlmErs;

/// <summary>What the manifests say changed between the runs: context for reading the statistics, never graded itself.</summary>
internal static class ManifestContext
{
    public static List<string> Describe(RunManifest? old, RunManifest? @new)
    {
        if (old is null || @new is null)
        {
            return [$"No run manifest for the {(old is null ? "old" : "new")} run: field kinds were inferred from the data, and models and fingerprints are not compared."];
        }

        var notes = new List<string>();
        Changed(notes, "Library version", old.LibraryVersion, @new.LibraryVersion);
        Changed(notes, "Item type", old.ItemType, @new.ItemType);
        Changed(notes, "Chat models", string.Join(", ", old.ChatModels), string.Join(", ", @new.ChatModels));
        Changed(notes, "Embedding model", old.EmbeddingModel ?? "none", @new.EmbeddingModel ?? "none");
        if (old.Items != @new.Items)
        {
            notes.Add($"Items: {old.Items} → {@new.Items}.");
        }

        foreach (var field in @new.Fields)
        {
            if (old.Fields.FirstOrDefault(f => f.Name == field.Name) is not { } before)
            {
                continue;
            }

            if (before.Fingerprint != field.Fingerprint)
            {
                notes.Add($"{field.Name}'s definition changed (fingerprint {Short(before.Fingerprint)} → {Short(field.Fingerprint)}): its template, schema, vocabulary or inputs differ.");
            }

            Changed(notes, $"{field.Name}'s model", before.ModelId ?? "none", field.ModelId ?? "none");
        }

        return notes;
    }

    private static void Changed(List<string> notes, string what, string old, string @new)
    {
        if (old != @new)
        {
            notes.Add($"{what}: {old} → {@new}.");
        }
    }

    private static string Short(string fingerprint) => fingerprint.Length > 12 ? fingerprint[..12] : fingerprint;
}
