namespace LlmErs.Quickstart;

/// <summary>
/// The sample's command line. The endpoint and model may also come from environment variables, the key only from one,
/// so that it never shows in the process list or the shell history.
/// </summary>
internal sealed record SampleOptions
{
    public const string EndpointVariable = "LLMERS_ENDPOINT";
    public const string ModelVariable = "LLMERS_MODEL";
    public const string ApiKeyVariable = "LLMERS_API_KEY";

    public const string Usage = $"""
        Usage: dotnet run -c Release --project samples/LlmErs.Quickstart -- [options]
               dotnet run -c Release --project samples/LlmErs.Quickstart -- drift OLD NEW [--out DIR]

        Runs the LLMERS pipeline (enrich, embed, semantic IDs, features, serving without an LLM, ablation) on a synthetic
        catalog, or on MovieLens. Offline unless an endpoint is given: no network, no key.

          --movielens DIR   the ml-latest-small folder (ratings.csv, movies.csv) instead of the synthetic catalog
          --tags            with --movielens: add a block of user tags (tags.csv), built from training interactions only;
                            off by default because the tags are written by the users whose ratings are tested
          --full-ablation   with --movielens: add the rows that compare training recipes (BPR distilled from the LLM
                            teacher, BPR + embedding init, two-tower + distillation) and every enhanced model's
                            removed-block rows, not the two-tower model's alone (about three times the training)
          --out DIR         where features, reports, caches and results go; default out/quickstart, or out/movielens
          --endpoint URL    enrich with a real model at an OpenAI-compatible endpoint, e.g. https://api.openai.com/v1
                            or Ollama's http://localhost:11434/v1 (or set {EndpointVariable})
          --model NAME      the model served there, e.g. gpt-4o-mini or llama3.2 (or set {ModelVariable})
          --attempt-timeout SECONDS
                            with --endpoint: how long one request may take before it is retried; default 180
          --stop-after N    with --endpoint: stop the run after N attempts in a row that cannot connect or time out;
                            default 10 (HTTP 401, 403 and 404 stop it at once)
          --no-preflight    with --endpoint: skip the one small request that first checks the URL, key and model
          --batch           with --endpoint: send the requests through the endpoint's OpenAI Batch API (half price, answered
                            within 24 h); invalid or unanswered ones are asked live. Polls every 30 s; a stopped run
                            resumes the batch recorded in DIR/batches. Needs {ApiKeyVariable}.
          -h, --help        this text

        The API key is read from {ApiKeyVariable} only; Ollama needs none. Embeddings always use the local MiniLM model.
        Exit codes: 0 done, 2 bad arguments or data, 3 a governance check failed, 4 the endpoint stopped the run (the
        answers received so far are cached), 130 cancelled.
        The drift verb compares two runs' feature files (drift --help for its options and exit codes).
        """;

    private const string Project = "dotnet run -c Release --project samples/LlmErs.Quickstart";

    /// <summary>Where every file of the run goes.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The MovieLens folder; null for the synthetic catalog.</summary>
    public string? MovieLensDirectory { get; init; }

    /// <summary>Whether the MovieLens ablation gets a block of user tags.</summary>
    public bool UseTags { get; init; }

    /// <summary>Whether every enhanced model of the MovieLens ablation gets its removed-block rows, not the two-tower model alone.</summary>
    public bool FullAblation { get; init; }

    /// <summary>The real model to enrich with; null for the offline chat client.</summary>
    public ChatEndpoint? Endpoint { get; init; }

    /// <summary>Whether enrichment goes through the endpoint's Batch API first.</summary>
    public bool UseBatch { get; init; }

    /// <summary>The command that repeats this run, for result files.</summary>
    public required string Command { get; init; }

    /// <summary>Parses the arguments; null when they ask for the usage text.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    /// <exception cref="SampleException">An argument is unknown, repeated or incomplete, or the endpoint settings are.</exception>
    public static SampleOptions? Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        string? output = null, movieLens = null, endpoint = null, model = null, attemptTimeout = null, stopAfter = null;
        bool tags = false, fullAblation = false, noPreflight = false, batch = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    return null;
                case "--out":
                    Set(ref output, args, ref i, "DIR");
                    break;
                case "--movielens":
                    Set(ref movieLens, args, ref i, "DIR");
                    break;
                case "--endpoint":
                    Set(ref endpoint, args, ref i, "URL");
                    break;
                case "--model":
                    Set(ref model, args, ref i, "NAME");
                    break;
                case "--attempt-timeout":
                    Set(ref attemptTimeout, args, ref i, "SECONDS");
                    break;
                case "--stop-after":
                    Set(ref stopAfter, args, ref i, "N");
                    break;
                case "--no-preflight":
                    noPreflight = true;
                    break;
                case "--tags":
                    tags = true;
                    break;
                case "--full-ablation":
                    fullAblation = true;
                    break;
                case "--batch":
                    batch = true;
                    break;
                default:
                    throw new SampleException($"Unknown argument '{args[i]}'.");
            }
        }

        if (fullAblation && movieLens is null)
        {
            throw new SampleException("--full-ablation widens the MovieLens ablation; use it with --movielens DIR.");
        }

        if (tags && movieLens is null)
        {
            throw new SampleException("--tags adds a block built from MovieLens' tags.csv; use it with --movielens DIR.");
        }

        var chatEndpoint = ParseEndpoint(endpoint ?? Variable(environment, EndpointVariable), model ?? Variable(environment, ModelVariable), Variable(environment, ApiKeyVariable));
        if (batch && chatEndpoint?.ApiKey is null)
        {
            throw new SampleException(chatEndpoint is null
                ? "--batch sends the requests through an endpoint's Batch API: add --endpoint URL and --model NAME, e.g. --endpoint https://api.openai.com/v1 --model gpt-4o-mini."
                : $"--batch needs an API key: the Batch API always takes one; set {ApiKeyVariable}.");
        }

        if (chatEndpoint is null && (attemptTimeout ?? stopAfter ?? (noPreflight ? "--no-preflight" : null)) is not null)
        {
            throw new SampleException("--attempt-timeout, --stop-after and --no-preflight set how requests to an endpoint behave; use them with --endpoint URL.");
        }

        if (chatEndpoint is not null)
        {
            chatEndpoint = chatEndpoint with
            {
                AttemptTimeout = attemptTimeout is null ? chatEndpoint.AttemptTimeout : TimeSpan.FromSeconds(Positive(attemptTimeout, "--attempt-timeout", "SECONDS")),
                StopAfterConsecutiveFailures = stopAfter is null ? chatEndpoint.StopAfterConsecutiveFailures : (int)Positive(stopAfter, "--stop-after", "N", integer: true),
                Preflight = !noPreflight,
            };
        }

        return new SampleOptions
        {
            OutputDirectory = Path.GetFullPath(output ?? Path.Combine("out", movieLens is null ? "quickstart" : "movielens")),
            MovieLensDirectory = movieLens is null ? null : Path.GetFullPath(movieLens),
            UseTags = tags,
            FullAblation = fullAblation,
            Endpoint = chatEndpoint,
            UseBatch = batch,
            Command = args.Count == 0 ? Project : $"{Project} -- {string.Join(' ', args.Select(Quote))}",
        };
    }

    private static void Set(ref string? value, IReadOnlyList<string> args, ref int i, string placeholder)
    {
        var name = args[i];
        if (value is not null)
        {
            throw new SampleException($"{name} is given twice.");
        }

        if (i + 1 == args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(args[i + 1]))
        {
            throw new SampleException($"{name} needs a value: {name} {placeholder}.");
        }

        value = args[++i];
    }

    private static double Positive(string value, string name, string placeholder, bool integer = false) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) &&
        number > 0 && double.IsFinite(number) && (!integer || (number == Math.Floor(number) && number <= int.MaxValue))
            ? number
            : throw new SampleException($"{name} {placeholder} takes a positive {(integer ? "whole number" : "number")}; got '{value}'.");

    private static ChatEndpoint? ParseEndpoint(string? url, string? model, string? apiKey)
    {
        if (url is null)
        {
            return model is null
                ? null
                : throw new SampleException($"A model is named ('{model}') but no endpoint: add --endpoint URL (or set {EndpointVariable}), e.g. http://localhost:11434/v1 for Ollama.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new SampleException($"The endpoint '{url}' is not an absolute http(s) URL; an OpenAI-compatible base address looks like https://api.openai.com/v1 or http://localhost:11434/v1.");
        }

        return model is null
            ? throw new SampleException($"The endpoint {url} needs a model: add --model NAME (or set {ModelVariable}), e.g. --model llama3.2 for Ollama.")
            : new ChatEndpoint(uri, model, apiKey);
    }

    /// <summary>An empty variable counts as unset, so that <c>LLMERS_ENDPOINT= dotnet run …</c> runs offline.</summary>
    private static string? Variable(Func<string, string?> environment, string name) =>
        environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string Quote(string argument) => argument.Any(char.IsWhiteSpace) ? $"\"{argument}\"" : argument;
}
