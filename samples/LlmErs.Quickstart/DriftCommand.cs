namespace LlmErs.Quickstart;

/// <summary>
/// The <c>drift</c> verb: compares two runs' feature files and prints the Markdown report; with <c>--out</c>, also
/// writes it as drift.md, drift.json and drift.html. Its exit code is the report's (0 no drift, 1 warn, 2 alert), or
/// <see cref="ErrorExitCode"/> when the arguments or files are wrong, so a script can tell a failed check from drift.
/// </summary>
/// <param name="OldRun">The reference run: a run folder or a .jsonl or .parquet feature file.</param>
/// <param name="NewRun">The run to check.</param>
/// <param name="OutputDirectory">Where the report files go; null to print only.</param>
internal sealed record DriftCommand(string OldRun, string NewRun, string? OutputDirectory)
{
    public const string Verb = "drift";
    public const int ErrorExitCode = 3;

    public const string Usage = """
        Usage: dotnet run -c Release --project samples/LlmErs.Quickstart -- drift OLD NEW [--out DIR]

        Compares two pipeline runs field by field (PSI, KS, status rates, word counts, tag shares, embedding MMD,
        semantic-ID code usage) and prints a Markdown report.

          OLD, NEW     run folders (holding manifest.json and the feature files) or .jsonl or .parquet feature files;
                       OLD is the reference
          --out DIR    also write drift.md, drift.json and drift.html (self-contained, with charts) into DIR
          -h, --help   this text

        Exit code: 0 no drift, 1 a warning, 2 an alert, 3 wrong arguments or unreadable files.
        """;

    /// <summary>Parses the arguments after the verb; null when they ask for the usage text.</summary>
    /// <exception cref="SampleException">An argument is unknown or missing.</exception>
    public static DriftCommand? Parse(IReadOnlyList<string> args)
    {
        var runs = new List<string>();
        string? output = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    return null;
                case "--out" when output is not null:
                    throw new SampleException("--out is given twice.");
                case "--out" when i + 1 == args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    throw new SampleException("--out needs a value: --out DIR.");
                case "--out":
                    output = args[++i];
                    break;
                case { } option when option.StartsWith('-'):
                    throw new SampleException($"Unknown option '{option}'.");
                default:
                    runs.Add(args[i]);
                    break;
            }
        }

        return runs.Count == 2
            ? new DriftCommand(runs[0], runs[1], output is null ? null : Path.GetFullPath(output))
            : throw new SampleException($"drift compares two runs: give OLD and NEW (got {runs.Count}).");
    }

    /// <summary>Parses, compares and reports; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            if (Parse(args) is not { } command)
            {
                await output.WriteLineAsync(Usage);
                return 0;
            }

            var report = await RunDrift.CompareAsync(command.OldRun, command.NewRun, cancellationToken: cancellationToken);
            await output.WriteAsync(DriftReportWriter.ToMarkdown(report));
            if (command.OutputDirectory is { } directory)
            {
                await DriftReportWriter.WriteAsync(report, directory, cancellationToken);
                await output.WriteLineAsync($"Report: {Path.Combine(directory, DriftReportWriter.HtmlFileName)} (and {DriftReportWriter.MarkdownFileName}, {DriftReportWriter.JsonFileName})");
            }

            return report.ExitCode;
        }
        catch (SampleException e)
        {
            await error.WriteLineAsync($"{e.Message}\n\n{Usage}");
            return ErrorExitCode;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or NotSupportedException)
        {
            await error.WriteLineAsync(e.Message);
            return ErrorExitCode;
        }
    }
}
