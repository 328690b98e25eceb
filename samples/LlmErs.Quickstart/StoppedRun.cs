using LlmErs;

namespace LlmErs.Quickstart;

/// <summary>
/// What the sample says when the endpoint stopped the run: the report of the items done before the stop, why it
/// stopped and what to check, on the console and in a JSON file; the outputs of earlier runs are left as they were.
/// </summary>
internal static class StoppedRun
{
    public const int ExitCode = 4;

    public const string ReportFileName = "report.stopped.json";

    /// <returns>The sample's exit code for a stopped run.</returns>
    public static async Task<int> ReportAsync(EnrichmentStoppedException stopped, string outputDirectory, TextWriter console)
    {
        // The report opens with the stop's message; without one, the message stands alone.
        if (stopped.Report is { } report)
        {
            await console.WriteLineAsync(SecretMask.Apply(report.ToString()));
            await report.WriteJsonAsync(Path.Combine(outputDirectory, ReportFileName));
        }
        else
        {
            await console.WriteLineAsync(SecretMask.Apply(stopped.Message));
        }

        await console.WriteLineAsync(SecretMask.Apply(
            $"The run was stopped; the answers received so far are cached in {outputDirectory}, and a rerun " +
            $"continues from them. Check --endpoint, --model and {SampleOptions.ApiKeyVariable} (for a slow model, --attempt-timeout SECONDS), " +
            "or run without --endpoint to use the offline client."));
        return ExitCode;
    }
}
