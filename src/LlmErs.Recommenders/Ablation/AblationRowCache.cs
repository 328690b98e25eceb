using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LlmErs.Recommenders;

/// <summary>
/// The trained models of <see cref="AblationOptions.CacheDirectory"/>: per row, <c>&lt;digest&gt;.model</c> (the model's
/// own file format) and <c>&lt;digest&gt;.json</c> (its kind, training time and history, written last, so a row whose
/// json exists is complete). The digest covers every input of the row's training; evaluation is not cached, since it
/// runs again on the loaded model and gives the same numbers.
/// </summary>
internal sealed class AblationRowCache
{
    private const string FactorKind = "factor";
    private const string TwoTowerKind = "two-tower";

    private readonly string _directory;
    private readonly byte[] _runDigest;
    private readonly byte[][] _blockDigests;
    private readonly FeatureSide[] _blockSides;

    public AblationRowCache(string directory, DataSplit split, IReadOnlyList<FeatureBlock> blocks, AblationOptions options, int patience)
    {
        _directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(_directory);
        _runDigest = RunDigest(split, options, patience);
        _blockDigests = [.. blocks.Select(BlockDigest)];
        _blockSides = [.. blocks.Select(block => block.Side)];
    }

    /// <summary>The digest of one row, or <see langword="null"/> when its model has no fingerprint (never cached).</summary>
    /// <param name="model">The row's model.</param>
    /// <param name="rowName">The row's name.</param>
    /// <param name="removedBlock">The index of the block the row removes, or -1.</param>
    /// <param name="pairs">The extra training pairs the row trains with, if any.</param>
    public string? KeyOf(AblationModel model, string rowName, int removedBlock, AugmentedPairs? pairs)
    {
        if (model.Fingerprint is null)
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(_runDigest);
        AppendString(hash, rowName);
        AppendString(hash, model.Fingerprint);
        for (var b = 0; b < _blockDigests.Length; b++)
        {
            if (b != removedBlock && (_blockSides[b] == FeatureSide.Item ? model.UsesFeatures : model.UsesUserFeatures))
            {
                hash.AppendData(_blockDigests[b]);
            }
        }

        if (pairs is not null)
        {
            AppendString(hash, pairs.Name);
            hash.AppendData(BitConverter.GetBytes(pairs.Weight));
            hash.AppendData(MemoryMarshal.AsBytes(pairs.Pairs.ToArray().AsSpan()));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The row's trained model and history, or <see langword="null"/> when none is kept or it cannot be read.</summary>
    public (AblationFit Fit, TimeSpan TrainingTime)? TryLoad(string key)
    {
        var meta = Path.Combine(_directory, key + ".json");
        var modelPath = Path.Combine(_directory, key + ".model");
        if (!File.Exists(meta) || !File.Exists(modelPath))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(meta));
            var root = document.RootElement;
            IItemScorer scorer = root.GetProperty("kind").GetString() switch
            {
                FactorKind => FactorModel.Load(modelPath),
                TwoTowerKind => TwoTowerModel.Load(modelPath),
                _ => throw new InvalidDataException("unknown model kind"),
            };
            var history = root.GetProperty("history").ValueKind == JsonValueKind.Null ? null : ReadHistory(root.GetProperty("history"));
            return (new AblationFit(scorer, history), TimeSpan.FromTicks(root.GetProperty("trainingTicks").GetInt64()));
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException)
        {
            // A damaged or foreign entry costs a retraining, never a wrong row.
            return null;
        }
    }

    /// <summary>Keeps the row's model when it can be saved; returns whether it was.</summary>
    public bool Save(string key, AblationFit fit, TimeSpan trainingTime)
    {
        var kind = fit.Scorer switch
        {
            FactorModel => FactorKind,
            TwoTowerModel => TwoTowerKind,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        var modelPath = Path.Combine(_directory, key + ".model");
        var temporary = modelPath + ".tmp";
        switch (fit.Scorer)
        {
            case FactorModel factor:
                factor.Save(temporary);
                break;
            case TwoTowerModel twoTower:
                twoTower.Save(temporary);
                break;
        }

        File.Move(temporary, modelPath, overwrite: true);
        var meta = Path.Combine(_directory, key + ".json");
        using (var stream = File.Create(meta + ".tmp"))
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", kind);
            writer.WriteNumber("trainingTicks", trainingTime.Ticks);
            writer.WritePropertyName("history");
            WriteHistory(writer, fit.History);
            writer.WriteEndObject();
        }

        File.Move(meta + ".tmp", meta, overwrite: true);
        return true;
    }

    private static byte[] RunDigest(DataSplit split, AblationOptions options, int patience)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendString(hash, "llmers-ablation-row-v1");
        AppendString(hash, typeof(AblationRowCache).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "");
        AppendString(hash, split.Protocol.ToString());
        AppendIds(hash, split.UserIds);
        AppendIds(hash, split.ItemIds);
        foreach (var log in new[] { split.Train, split.Validation, split.Test })
        {
            AppendInts(hash, log.Users);
            AppendInts(hash, log.Items);
            hash.AppendData(MemoryMarshal.AsBytes(log.Timestamps));
        }

        AppendInts(hash, [.. split.WithheldTestItems]);
        AppendInts(hash, [.. split.WithheldValidationItems]);
        AppendString(hash, $"{options.EpochBudget}\u001f{patience}\u001f{options.ValidationMetric}\u001f{options.Evaluation.TieBreakSeed}");
        return hash.GetHashAndReset();
    }

    private static byte[] BlockDigest(FeatureBlock block)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendString(hash, $"{block.Name}\u001f{BitConverter.SingleToInt32Bits(block.Weight)}\u001f{block.Values.Count}\u001f{block.Values.Dimension}\u001f{block.Side}");
        hash.AppendData(MemoryMarshal.AsBytes(block.Values.Values));
        return hash.GetHashAndReset();
    }

    private static void AppendIds(IncrementalHash hash, IdMap ids)
    {
        foreach (var id in ids.Keys)
        {
            AppendString(hash, id);
        }

        AppendString(hash, "");
    }

    private static void AppendInts(IncrementalHash hash, ReadOnlySpan<int> values)
    {
        hash.AppendData(BitConverter.GetBytes(values.Length));
        hash.AppendData(MemoryMarshal.AsBytes(values));
    }

    private static void AppendString(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        hash.AppendData(BitConverter.GetBytes(bytes.Length));
        hash.AppendData(bytes);
    }

    // Doubles are kept as their bits: a history read back is the one trained, NaN losses included.
    private static void WriteHistory(Utf8JsonWriter writer, TrainingHistory? history)
    {
        if (history is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteNumber("bestEpoch", history.BestEpoch);
        writer.WriteBoolean("stoppedEarly", history.StoppedEarly);
        if (history.Schedule is { } schedule)
        {
            writer.WriteStartArray("schedule");
            writer.WriteNumberValue(schedule.BatchSize);
            writer.WriteNumberValue(schedule.Patience);
            writer.WriteNumberValue(schedule.Epochs);
            writer.WriteNumberValue(schedule.StepsPerEpoch);
            writer.WriteEndArray();
        }

        writer.WriteStartArray("epochs");
        foreach (var epoch in history.Epochs)
        {
            writer.WriteStartObject();
            writer.WriteNumber("epoch", epoch.Epoch);
            writer.WriteNumber("loss", BitConverter.DoubleToInt64Bits(epoch.Loss));
            if (epoch.DistillationLoss is { } distillation)
            {
                writer.WriteNumber("distillationLoss", BitConverter.DoubleToInt64Bits(distillation));
            }

            if (epoch.ValidationScore is { } validation)
            {
                writer.WriteNumber("validation", BitConverter.DoubleToInt64Bits(validation));
            }

            writer.WriteBoolean("isBest", epoch.IsBest);
            writer.WriteNumber("elapsedTicks", epoch.Elapsed.Ticks);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static TrainingHistory ReadHistory(JsonElement history)
    {
        var epochs = new List<EpochReport>();
        foreach (var epoch in history.GetProperty("epochs").EnumerateArray())
        {
            epochs.Add(new EpochReport(
                epoch.GetProperty("epoch").GetInt32(),
                BitConverter.Int64BitsToDouble(epoch.GetProperty("loss").GetInt64()),
                epoch.TryGetProperty("distillationLoss", out var distillation) ? BitConverter.Int64BitsToDouble(distillation.GetInt64()) : null,
                epoch.TryGetProperty("validation", out var validation) ? BitConverter.Int64BitsToDouble(validation.GetInt64()) : null,
                epoch.GetProperty("isBest").GetBoolean(),
                TimeSpan.FromTicks(epoch.GetProperty("elapsedTicks").GetInt64())));
        }

        TrainingSchedule? schedule = null;
        if (history.TryGetProperty("schedule", out var s))
        {
            var values = s.EnumerateArray().Select(value => value.GetInt32()).ToArray();
            schedule = new TrainingSchedule(values[0], values[1], values[2], values[3]);
        }

        return new TrainingHistory(epochs, history.GetProperty("bestEpoch").GetInt32(), history.GetProperty("stoppedEarly").GetBoolean(), schedule);
    }
}
