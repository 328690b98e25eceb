using System.Globalization;
using LlmErs.Recommenders;

namespace LlmErs.Benchmarks.Models;

/// <summary>How the model reports print an ablation: its tables, then each row's training time, best epoch and that epoch's validation score.</summary>
internal static class AblationConsole
{
    public static void Print(AblationResult result)
    {
        Console.WriteLine(result.ToMarkdown());
        foreach (var row in result.Rows)
        {
            var validation = row.History is { BestEpoch: > 0 } history ? history.Epochs[history.BestEpoch - 1].ValidationScore : null;
            Console.WriteLine(
                $"{row.Name}: trained in {row.TrainingTime.TotalSeconds:F0} s, best epoch {row.History?.BestEpoch.ToString(CultureInfo.InvariantCulture) ?? "-"} of {row.History?.Epochs.Count.ToString(CultureInfo.InvariantCulture) ?? "-"}"
                + (validation is { } score ? $", validation {score.ToString("F4", CultureInfo.InvariantCulture)}" : ""));
        }
    }
}
