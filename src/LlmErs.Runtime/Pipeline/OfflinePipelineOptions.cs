namespace LlmErs;

/// <summary>Options of <see cref="OfflinePipeline{TItem}"/>: where its outputs go.</summary>
public sealed class OfflinePipelineOptions
{
    /// <summary>The run manifest's file name, in <see cref="OutputDirectory"/>.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>
    /// The triples file's name, in <see cref="OutputDirectory"/>: written when the item type has triples fields
    /// (<see cref="LlmTriplesAttribute"/>), see <see cref="TriplesFile"/>.
    /// </summary>
    public const string TriplesFileName = "triples.parquet";

    /// <summary>The run report's file name, in <see cref="OutputDirectory"/>.</summary>
    public const string ReportFileName = "report.json";

    /// <summary>The governance report's file names, in <see cref="OutputDirectory"/>: JSON and Markdown.</summary>
    public const string GovernanceReportFileName = "governance.json";

    /// <summary>The governance report as Markdown, in <see cref="OutputDirectory"/>.</summary>
    public const string GovernanceMarkdownFileName = "governance.md";

    /// <summary>
    /// The folder of the run report (<c>report.json</c>), the run manifest (<c>manifest.json</c>) and, by default, the
    /// vector stores; required. The manifest names the files inside it relative to it.
    /// </summary>
    public string OutputDirectory { get; set; } = "";

    /// <summary>Feature files to write (Parquet and/or JSON Lines), each with a status column per derived field.</summary>
    public IList<FeatureOutput> FeatureOutputs { get; } = new List<FeatureOutput>();

    /// <summary>
    /// The vector store of each embedding field, by field name; a field not listed is stored in
    /// <c>&lt;OutputDirectory&gt;/&lt;Field&gt;.vec</c>.
    /// </summary>
    public IDictionary<string, string> VectorStorePaths { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The review file of quarantined values (JSON Lines): each run applies the decisions a reviewer wrote in it, without
    /// a model call, and rewrites it with this run's quarantined values and their decisions (unless a line was malformed:
    /// then it is left as it is, for the reviewer to fix). Default <c>&lt;OutputDirectory&gt;/review.jsonl</c>.
    /// </summary>
    public string? ReviewFile { get; set; }

    /// <summary>How the embedding stage batches and names its model.</summary>
    public EmbeddingStageOptions Embedding { get; set; } = new();

    /// <summary>How the image embedding step batches, names its model and limits the images it reads.</summary>
    public ImageEmbeddingStageOptions ImageEmbedding { get; set; } = new();

    /// <summary>The semantic-ID k-means seed: the same vectors and seed give the same IDs on any machine. Default 42.</summary>
    public ulong SemanticIdSeed { get; set; } = 42;

    /// <summary>
    /// Whether to train every semantic-ID codebook again. By default (<see langword="false"/>) a run reuses the codebook
    /// the previous run saved in <see cref="OutputDirectory"/> (<c>&lt;Field&gt;.codebook</c>, with the IDs given out in
    /// <c>&lt;Field&gt;.ids.json</c>): an item keeps its ID while its vector maps to the same codes, and new items are
    /// encoded with the saved codebook. A codebook is trained anyway when there is none, or when the declared
    /// <c>Levels</c>/<c>Codes</c> or the vectors' dimension changed. Retraining changes most IDs; the run report lists them.
    /// </summary>
    public bool RetrainSemanticIds { get; set; }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new ArgumentException(
                $"Set {nameof(OfflinePipelineOptions)}.{nameof(OutputDirectory)}: the folder the run report and manifest are written to.");
        }

        ArgumentNullException.ThrowIfNull(Embedding, nameof(Embedding));
        ArgumentNullException.ThrowIfNull(ImageEmbedding, nameof(ImageEmbedding));
    }
}
