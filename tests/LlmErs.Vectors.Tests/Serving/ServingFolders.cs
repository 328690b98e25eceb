using System.Globalization;

namespace LlmErs.Vectors.Tests.Serving;

/// <summary>
/// Writes small serving folders as ModelExport (LlmErs.Recommenders) does, without the training side: items "i0"…,
/// users "u0"…, random vectors, and for user u the seen items u, u + 1 and u + 2.
/// </summary>
public static class ServingFolders
{
    public const int Dimension = 8;

    public static ServingManifest Write(string folder, int users = 5, int items = 50, string version = "v1", int seed = 1)
    {
        const string model = "bpr";
        var modelId = $"{model}@{version}";
        var files = new Dictionary<string, ServingFile>
        {
            [ServingRoles.Items] = Store(folder, ServingRoles.Items, modelId, "i", RandomVectors.Uniform(items, Dimension, seed)),
            [ServingRoles.Users] = Store(folder, ServingRoles.Users, modelId, "u", RandomVectors.Uniform(users, Dimension, seed + 1)),
        };

        var offsets = Enumerable.Range(0, users + 1).Select(u => 3 * u).ToArray();
        var rows = Enumerable.Range(0, users).SelectMany(u => new[] { u, u + 1, u + 2 }).ToArray();
        var seenFile = ServingRoles.FileName(ServingRoles.Seen);
        files[ServingRoles.Seen] = ServingFolder.Describe(seenFile, SeenItems.Write(Path.Combine(folder, seenFile), offsets, rows, items));

        var manifest = new ServingManifest
        {
            Model = model,
            Version = version,
            Kind = ServingModelKind.Factor,
            Dimension = Dimension,
            TieBreakSeed = 42,
            Files = files,
        };
        ServingFolder.WriteManifest(folder, manifest);
        return manifest;
    }

    public static string PathOf(string folder, string role) => Path.Combine(folder, ServingRoles.FileName(role));

    /// <summary>The payload checksum a file's header stores, as a manifest records it.</summary>
    public static string HeaderChecksum(string path) =>
        Convert.ToHexStringLower(File.ReadAllBytes(path).AsSpan(PayloadHeader.ChecksumOffset, PayloadChecksum.Size));

    private static ServingFile Store(string folder, string role, string modelId, string prefix, float[] vectors)
    {
        using var builder = new VectorStoreBuilder(modelId, Dimension);
        for (var row = 0; row < vectors.Length / Dimension; row++)
        {
            builder.Add(prefix + row.ToString(CultureInfo.InvariantCulture), vectors.AsSpan(row * Dimension, Dimension));
        }

        using var store = builder.Build();
        return ServingFolder.Describe(ServingRoles.FileName(role), store.SaveStamped(PathOf(folder, role)));
    }
}
