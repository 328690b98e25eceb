namespace LlmErs;

/// <summary>
/// Compares two pipeline runs' feature files, field by field, without the item's C# type: column types come from the
/// run manifests' field kinds, or from the data. See <see cref="DriftOptions"/> for the statistics' thresholds and
/// <see cref="DriftReportWriter"/> for the Markdown, JSON and HTML reports.
/// </summary>
public static class RunDrift
{
    /// <summary>
    /// Compares the run at <paramref name="oldRun"/> (the reference) with the one at <paramref name="newRun"/>. Each is a
    /// run folder (holding <c>manifest.json</c>, which names the feature files; JSON Lines is read when listed, else
    /// Parquet) or a <c>.jsonl</c> or <c>.parquet</c> feature file, with the <c>manifest.json</c> beside it when there is one.
    /// </summary>
    /// <exception cref="FileNotFoundException">A folder, manifest or feature file does not exist; the message names it.</exception>
    /// <exception cref="InvalidDataException">A manifest or feature file is malformed; the message names the file, line and column.</exception>
    public static async Task<DriftReport> CompareAsync(string oldRun, string newRun, DriftOptions? options = null, CancellationToken cancellationToken = default)
    {
        var old = await DriftRun.LoadAsync(oldRun, cancellationToken).ConfigureAwait(false);
        var @new = await DriftRun.LoadAsync(newRun, cancellationToken).ConfigureAwait(false);
        return Compare(old, @new, options ?? new DriftOptions(), cancellationToken);
    }

    internal static DriftReport Compare(DriftRun old, DriftRun @new, DriftOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var fields = new List<FieldDrift>();
        foreach (var name in FieldNames(old).Union(FieldNames(@new)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            fields.Add(CompareField(name, old, @new, options));
        }

        return new DriftReport(Info(old), Info(@new), ManifestContext.Describe(old, @new), fields, options);
    }

    private static FieldDrift CompareField(string name, DriftRun old, DriftRun @new, DriftOptions options)
    {
        var before = old.Table.Find(name);
        var after = @new.Table.Find(name);
        var kind = (old.Manifest ?? @new.Manifest)?.Fields.FirstOrDefault(f => f.Name == name)?.Kind;
        if (before is null || after is null)
        {
            var present = (before ?? after)!;
            var missing = before is null ? old : @new;
            return new FieldDrift(name, DriftKinds.Resolve(kind, present), [new DriftMetric("column present", before is null ? 1 : -1, before is null ? 0 : 1, after is null ? 0 : 1, DriftSeverity.Alert, "alert when a column appears or disappears")],
                null, [$"no column '{name}' in '{missing.Table.Path}'"]);
        }

        var resolved = DriftKinds.Resolve(kind, before);
        var notes = new List<string>();
        if (DriftKinds.Resolve(kind, after) != resolved)
        {
            notes.Add($"the column reads as {DriftKinds.Resolve(kind, after)} in the new run and as {resolved} in the old one");
        }

        var (metrics, histogram) = resolved switch
        {
            DriftFieldKind.Categorical => CategoricalDrift.Compare(before.Values, after.Values, options),
            DriftFieldKind.Numeric => DistributionDrift.CompareNumbers(before.Values, after.Values, options),
            DriftFieldKind.Text => DistributionDrift.CompareWordCounts(before.Values, after.Values, options),
            DriftFieldKind.Tags => TagDrift.Compare(before.Values, after.Values, options),
            DriftFieldKind.Embedding => (EmbeddingDrift.Compare(before.Values, after.Values, options, notes), null),
            _ => (SemanticIdDrift.Compare(before.Values, after.Values, options), null),
        };

        return new FieldDrift(name, resolved, [.. metrics, .. StatusRates.Compare(name, old, @new, options)], histogram, notes);
    }

    /// <summary>The derived fields: the manifest's, or else every column but the key (the first) and the status columns.</summary>
    private static IEnumerable<string> FieldNames(DriftRun run) =>
        run.Manifest is { } manifest
            ? manifest.Fields.Select(f => f.Name)
            : run.Table.Columns.Skip(1).Select(c => c.Name).Where(n => !n.EndsWith(FeatureRowSink.StatusSuffix, StringComparison.Ordinal));

    private static DriftRunInfo Info(DriftRun run) => new(run.Table.Path, run.Manifest?.RunId, run.Manifest?.CompletedAt, run.Table.Rows);
}
