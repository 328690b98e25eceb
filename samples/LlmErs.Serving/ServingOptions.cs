using LlmErs.Serving.Models;
using LlmErs.Vectors;

namespace LlmErs.Serving;

/// <summary>The host's settings, from the command line (<c>--from out/quickstart</c>) or any other configuration source.</summary>
public sealed class ServingOptions
{
    /// <summary>The largest top-K a request may ask for; larger asks are refused with 400.</summary>
    public const int MaxCount = 100;

    /// <summary>The control model's folder. Default out/quickstart, what the main sample writes.</summary>
    public string From { get; init; } = Path.Combine("out", "quickstart");

    /// <summary>A candidate model's folder for the treatment arm, or none.</summary>
    public string? Candidate { get; init; }

    /// <summary>The item vector store's file name inside a model folder. Default movies.vec.</summary>
    public string Store { get; init; } = "movies.vec";

    /// <summary>Whether to shortlist with the int8 scan before exact re-ranking (faster on large catalogs).</summary>
    public bool Quantized { get; init; }

    /// <summary>With <see cref="Quantized"/>, the bits of each code: 8 (default) or 4, which halves the bytes a scan reads.</summary>
    public int QuantizedBits { get; init; } = 8;

    /// <summary>The experiment name that salts the user hash.</summary>
    public string Experiment { get; init; } = "rollout";

    /// <summary>The treatment's share of users, in percent.</summary>
    public double TreatmentPercent { get; init; }

    /// <summary>Where exposures and feedback are appended (JSONL); "none" turns the log off.</summary>
    public string ExposureLog { get; init; } = Path.Combine("out", "serving", "exposures.jsonl");

    /// <summary>Whether to print the metrics with OpenTelemetry's console exporter.</summary>
    public bool ConsoleMetrics { get; init; }

    /// <summary>How the stores are scanned.</summary>
    public RecommenderIndexOptions IndexOptions => new() { UseQuantizedScan = Quantized, BitsPerValue = QuantizedBits };

    /// <summary>Reads the options from configuration keys of the same names (case-insensitive).</summary>
    public static ServingOptions Read(IConfiguration configuration)
    {
        var defaults = new ServingOptions();
        var bits = configuration.GetValue("quantized-bits", defaults.QuantizedBits);
        if (bits is not (8 or 4))
        {
            throw new ServingSetupException($"--quantized-bits must be 8 or 4; it was {bits}.");
        }

        return new ServingOptions
        {
            From = configuration["from"] ?? defaults.From,
            Candidate = configuration["candidate"],
            Store = configuration["store"] ?? defaults.Store,
            Quantized = configuration.GetValue("quantized", false),
            QuantizedBits = bits,
            Experiment = configuration["experiment"] ?? defaults.Experiment,
            TreatmentPercent = configuration.GetValue("treatment-percent", 0.0),
            ExposureLog = configuration["exposure-log"] ?? defaults.ExposureLog,
            ConsoleMetrics = configuration.GetValue("console-metrics", false),
        };
    }
}
