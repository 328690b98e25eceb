using System.Text.Json;
using LlmErs.Serving.Models;
using LlmErs.Vectors;

namespace LlmErs.Serving.Tests;

/// <summary>Small model folders as the offline job writes them: a store of seeded unit vectors, histories and a version.</summary>
internal static class ModelFolders
{
    public const int Items = 400;
    public const int Dimension = 16;

    public static string ItemId(int i) => $"m{i}";

    public static string Write(string folder, string version, int seed)
    {
        Directory.CreateDirectory(folder);
        var values = RandomVectors.Clustered(Items, Dimension, clusters: 8, seed);
        using (var builder = new VectorStoreBuilder("test-model", Dimension, Items) { NormalizeRows = true })
        {
            for (var i = 0; i < Items; i++)
            {
                builder.Add(ItemId(i), values.AsSpan(i * Dimension, Dimension));
            }

            using var store = builder.Build();
            store.Save(Path.Combine(folder, "movies.vec"));
        }

        var histories = Enumerable.Range(0, 50).ToDictionary(u => $"u{u}", u => new[] { ItemId(u), ItemId(u + 1), ItemId(u + 2) });
        File.WriteAllText(Path.Combine(folder, ModelFolder.HistoriesFile), JsonSerializer.Serialize(histories));
        File.WriteAllText(Path.Combine(folder, ModelFolder.VersionFile), version);
        return folder;
    }
}
