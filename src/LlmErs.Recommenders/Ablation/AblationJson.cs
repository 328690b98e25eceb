using System.Text.Json;

namespace LlmErs.Recommenders;

/// <summary>
/// Writes an <see cref="AblationResult"/> as JSON: the tables as shown in Markdown, then every row in full (all slices,
/// training history). Undefined values (NaN) are written as null, which JSON can hold.
/// </summary>
internal static class AblationJson
{
    public static void Write(AblationResult result, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("protocol", result.Protocol.ToString());
        WriteStrings(writer, "blocks", result.Blocks);
        WriteStrings(writer, "metrics", result.Metrics.Select(metric => metric.ToString()));
        writer.WriteString("reference", result.Reference?.Name);

        writer.WriteStartArray("tables");
        foreach (var table in result.Tables)
        {
            WriteTable(result, table, writer);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        foreach (var row in result.Rows)
        {
            WriteRow(row, result.Metrics, writer);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("warnings");
        foreach (var warning in result.Warnings)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", warning.Kind.ToString());
            writer.WriteString("row", warning.Row);
            writer.WriteString("table", warning.Table);
            writer.WriteString("metric", warning.Metric?.ToString());
            writer.WriteString("message", warning.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTable(AblationResult result, AblationTable table, Utf8JsonWriter writer)
    {
        var first = result.Metrics[0];
        var reference = result.Reference is null ? null : table.Select(result.Reference);
        writer.WriteStartObject();
        writer.WriteString("key", table.Key);
        writer.WriteString("title", table.Title);
        writer.WriteString("evaluation", table.Evaluation(result.Rows[0])!.Description);
        writer.WriteString("slice", table.Select(result.Rows[0])?.Slice.Description);
        writer.WriteStartArray("rows");
        foreach (var row in result.Rows)
        {
            var slice = table.Select(row);
            writer.WriteStartObject();
            writer.WriteString("name", row.Name);
            if (slice is not null)
            {
                writer.WriteNumber("users", slice.UserCount);
                writer.WriteNumber("testCases", slice.TestCaseCount);
                WriteMetrics(slice, result.Metrics, writer);
                writer.WritePropertyName("relativeChange");
                WriteNumber(writer, reference is null ? double.NaN : (slice[first].Value - reference[first].Value) / reference[first].Value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRow(AblationRow row, IReadOnlyList<Metric> metrics, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", row.Name);
        writer.WriteString("model", row.Model);
        writer.WriteString("kind", row.Kind.ToString());
        writer.WriteString("removedBlock", row.RemovedBlock);
        WriteStrings(writer, "blocks", row.Blocks);
        writer.WriteNumber("trainingSeconds", Math.Round(row.TrainingTime.TotalSeconds, 3));
        if (row.History is { } history)
        {
            writer.WriteNumber("bestEpoch", history.BestEpoch);
            writer.WriteBoolean("stoppedEarly", history.StoppedEarly);
            if (history.Schedule is { } schedule)
            {
                writer.WriteNumber("batchSize", schedule.BatchSize);
                writer.WriteNumber("stepsPerEpoch", schedule.StepsPerEpoch);
                writer.WriteNumber("patience", schedule.Patience);
                writer.WriteNumber("epochBudget", schedule.Epochs);
            }

            writer.WriteStartArray("epochs");
            foreach (var epoch in history.Epochs)
            {
                writer.WriteStartObject();
                writer.WriteNumber("epoch", epoch.Epoch);
                writer.WritePropertyName("loss");
                WriteNumber(writer, epoch.Loss);
                writer.WritePropertyName("distillationLoss");
                WriteNumber(writer, epoch.DistillationLoss ?? double.NaN);
                writer.WritePropertyName("validation");
                WriteNumber(writer, epoch.ValidationScore ?? double.NaN);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WritePropertyName("ranking");
        WriteEvaluation(row.Ranking, metrics, writer);
        if (row.AmongWithheldItems is { } amongWithheld)
        {
            writer.WritePropertyName("amongWithheldItems");
            WriteEvaluation(amongWithheld, metrics, writer);
        }

        writer.WriteEndObject();
    }

    private static void WriteEvaluation(EvaluationResult evaluation, IReadOnlyList<Metric> metrics, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("description", evaluation.Description);
        writer.WriteNumber("confidenceLevel", evaluation.ConfidenceLevel);
        writer.WriteNumber("resamples", evaluation.Resamples);
        writer.WriteStartArray("slices");
        foreach (var slice in evaluation.Slices)
        {
            writer.WriteStartObject();
            writer.WriteString("group", slice.Slice.Group.ToString());
            writer.WriteString("name", slice.Slice.Name);
            writer.WriteString("description", slice.Slice.Description);
            writer.WriteNumber("users", slice.UserCount);
            writer.WriteNumber("testCases", slice.TestCaseCount);
            WriteMetrics(slice, metrics, writer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteMetrics(SliceResult slice, IReadOnlyList<Metric> metrics, Utf8JsonWriter writer)
    {
        writer.WriteStartObject("metrics");
        foreach (var metric in metrics)
        {
            var estimate = slice[metric];
            writer.WriteStartObject(metric.ToString());
            writer.WritePropertyName("value");
            WriteNumber(writer, estimate.Value);
            writer.WritePropertyName("lower");
            WriteNumber(writer, estimate.Lower);
            writer.WritePropertyName("upper");
            WriteNumber(writer, estimate.Upper);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
