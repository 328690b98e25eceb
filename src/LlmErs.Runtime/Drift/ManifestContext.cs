using System.Security.Cryptography;

namespace LlmErs;

/// <summary>What the manifests say changed between the runs: context for reading the statistics, never graded itself.</summary>
internal static class ManifestContext
{
    public static List<string> Describe(DriftRun oldRun, DriftRun newRun)
    {
        if (oldRun.Manifest is not { } old || newRun.Manifest is not { } @new)
        {
            return [$"No run manifest for the {(oldRun.Manifest is null ? "old" : "new")} run: field kinds were inferred from the data, and models and fingerprints are not compared."];
        }

        var notes = new List<string>();
        Checksum(notes, oldRun.Table.Path, old);
        Checksum(notes, newRun.Table.Path, @new);
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

    // A feature file edited or replaced after its run no longer matches the manifest's SHA-256: say so, as the
    // statistics then describe a file the run did not write.
    private static void Checksum(List<string> notes, string featureFile, RunManifest manifest)
    {
        if (!File.Exists(featureFile)
            || manifest.Files.FirstOrDefault(f => f.Kind == "features" && Path.GetFileName(f.Path) == Path.GetFileName(featureFile)) is not { } listed)
        {
            return;
        }

        using var stream = File.OpenRead(featureFile);
        if (Convert.ToHexStringLower(SHA256.HashData(stream)) != listed.Sha256)
        {
            notes.Add($"'{featureFile}' differs from the file its run's manifest lists (SHA-256): it was changed after the run.");
        }
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
