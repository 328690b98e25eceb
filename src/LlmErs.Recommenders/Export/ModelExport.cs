using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// Exports a trained model to a serving folder that <see cref="ServingModel.Open"/> (LlmErs.Vectors) serves with no
/// training code: item vectors, known users' vectors, their seen items, for a two-tower model its user tower for new
/// users, and a manifest with every file's checksum. See docs/serving.md for the layout.
/// </summary>
/// <remarks>
/// Item rows are written in the evaluator's tie order (<see cref="ModelExportOptions.TieBreakSeed"/>): serving breaks
/// equal scores by the lower row, so it then ranks exactly as <see cref="RankingEvaluator"/> does. The manifest is
/// written last and any previous one removed first, so a folder with a manifest is complete.
/// </remarks>
public static class ModelExport
{
    /// <summary>Exports a matrix factorization model (BPR, embedding-initialized BPR, distilled or not) trained on <paramref name="split"/>.</summary>
    /// <param name="model">The trained model.</param>
    /// <param name="split">The split the model was trained on: its user and item ids name the vectors.</param>
    /// <param name="folder">The serving folder, created if needed.</param>
    /// <param name="options">The model's name and version, the tie order and the seen items.</param>
    /// <param name="cancellationToken">Cancels between files.</param>
    /// <returns>The manifest written.</returns>
    /// <exception cref="ArgumentException">The model was not trained on <paramref name="split"/>'s users and items, or the seen items do not fit it.</exception>
    public static ServingManifest Export(FactorModel model, DataSplit split, string folder, ModelExportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Write(model, weights: null, split, folder, options, cancellationToken);
    }

    /// <summary>
    /// Exports a two-tower model (distilled or not) trained on <paramref name="split"/>, with its user tower, so that
    /// a new user's vector is computed at request time from a history and optional user features.
    /// </summary>
    /// <inheritdoc cref="Export(FactorModel, DataSplit, string, ModelExportOptions, CancellationToken)"/>
    public static ServingManifest Export(TwoTowerModel model, DataSplit split, string folder, ModelExportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Write(model.Factors, model.Weights, split, folder, options, cancellationToken);
    }

    /// <summary>
    /// Exports a sequential model (<see cref="SequentialRecommender"/>) trained on <paramref name="split"/> as a factor
    /// model: the item vectors, and each known user's final hidden state over the histories the model holds (build it
    /// with <see cref="SequentialModel.WithHistories"/> from every log the user's history should include). A user
    /// unknown at export time needs the network itself: <see cref="SequentialModel.EncodeHistory"/> in a process that
    /// references LlmErs.Recommenders; the serving folder has no sequence encoder.
    /// </summary>
    /// <inheritdoc cref="Export(FactorModel, DataSplit, string, ModelExportOptions, CancellationToken)"/>
    public static ServingManifest Export(SequentialModel model, DataSplit split, string folder, ModelExportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Write(model.Factors, weights: null, split, folder, options, cancellationToken);
    }

    private static ServingManifest Write(FactorModel model, TwoTowerWeights? weights, DataSplit split, string folder, ModelExportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ModelName, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Version, nameof(options));
        if (model.UserCount != split.UserCount || model.ItemCount != split.ItemCount)
        {
            throw new ArgumentException(
                $"The model has {model.UserCount:N0} users and {model.ItemCount:N0} items but the split has {split.UserCount:N0} and {split.ItemCount:N0}; export with the split the model was trained on.",
                nameof(split));
        }

        var seen = options.SeenItems ?? UserItemMatrix.Create(split.Train, split.Validation, split.Test);
        if (seen.UserCount != split.UserCount || seen.ItemCount != split.ItemCount)
        {
            throw new ArgumentException(
                $"The seen items cover {seen.UserCount:N0} users and {seen.ItemCount:N0} items, not the split's {split.UserCount:N0} and {split.ItemCount:N0}; build them from the split's logs.",
                nameof(options));
        }

        Directory.CreateDirectory(folder);
        File.Delete(Path.Combine(folder, ServingManifest.FileName));
        var modelId = $"{options.ModelName}@{options.Version}";
        var rowOfItem = SeededShuffle.Permutation(split.ItemCount, options.TieBreakSeed);
        var itemAtRow = new int[rowOfItem.Length];
        for (var item = 0; item < rowOfItem.Length; item++)
        {
            itemAtRow[rowOfItem[item]] = item;
        }

        var files = new Dictionary<string, ServingFile>(StringComparer.Ordinal);
        void Store(string role, int count, Func<int, string> id, Func<int, ReadOnlySpan<float>> vector)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var builder = new VectorStoreBuilder(modelId, model.Dimension, count);
            for (var row = 0; row < count; row++)
            {
                builder.Add(id(row), vector(row));
            }

            using var store = builder.Build();
            files[role] = ServingFolder.Describe(ServingRoles.FileName(role), store.SaveStamped(Path.Combine(folder, ServingRoles.FileName(role))));
        }

        var dimension = model.Dimension;
        Store(ServingRoles.Items, split.ItemCount, row => split.ItemIds[itemAtRow[row]], row => model.GetItemVector(itemAtRow[row]));
        Store(ServingRoles.Users, split.UserCount, row => split.UserIds[row], model.GetUserVector);
        files[ServingRoles.Seen] = ServingFolder.Describe(ServingRoles.FileName(ServingRoles.Seen), WriteSeen(seen, rowOfItem, Path.Combine(folder, ServingRoles.FileName(ServingRoles.Seen))));
        if (weights is not null)
        {
            Store(ServingRoles.History, split.ItemCount, row => split.ItemIds[itemAtRow[row]], row => weights.ProjectedItemFeatures.AsSpan(itemAtRow[row] * dimension, dimension));
            if (weights.UserFeatureDimension > 0)
            {
                Store(ServingRoles.UserFeatures, weights.UserFeatureDimension, row => row.ToString(System.Globalization.CultureInfo.InvariantCulture), row => weights.UserProjection.AsSpan(row * dimension, dimension));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var manifest = new ServingManifest
        {
            Model = options.ModelName,
            Version = options.Version,
            Kind = weights is null ? ServingModelKind.Factor : ServingModelKind.TwoTower,
            Dimension = dimension,
            TieBreakSeed = options.TieBreakSeed,
            UserFeatureDimension = weights?.UserFeatureDimension ?? 0,
            Files = files,
        };
        ServingFolder.WriteManifest(folder, manifest);
        return manifest;
    }

    /// <summary>Writes each user's seen items as item-store rows, ascending, and returns the file's length and checksum.</summary>
    private static PayloadStamp WriteSeen(UserItemMatrix seen, int[] rowOfItem, string path)
    {
        var offsets = new int[seen.UserCount + 1];
        var rows = new int[seen.PairCount];
        for (var user = 0; user < seen.UserCount; user++)
        {
            var items = seen.ItemsOf(user);
            var destination = rows.AsSpan(offsets[user], items.Length);
            for (var j = 0; j < items.Length; j++)
            {
                destination[j] = rowOfItem[items[j]];
            }

            destination.Sort();
            offsets[user + 1] = offsets[user] + items.Length;
        }

        return SeenItems.Write(path, offsets, rows, seen.ItemCount);
    }
}
