using System.Globalization;
using LlmErs.Recommenders;

namespace LlmErs.Benchmarks.Models;

/// <summary>How the model reports print an ablation: its tables, then each row's training time and best epoch.</summary>
internal static class AblationConsole
{
    public static void Print(AblationResult result)
    {
        Console.WriteLine(result.ToMarkdown());
        foreach (var row in result.Rows)
        {
            Console.WriteLine($"{row.Name}: trained in {row.TrainingTime.TotalSeconds:F0} s, best epoch {row.History?.BestEpoch.ToString(CultureInfo.InvariantCulture) ?? "-"} of {row.History?.Epochs.Count.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        }
    }
}
