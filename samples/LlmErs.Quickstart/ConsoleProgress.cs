using LlmErs.Recommenders;

namespace LlmErs.Quickstart;

/// <summary>One line per finished row; while a row trains, a status line rewritten after each epoch (on a terminal).</summary>
internal sealed class ConsoleProgress : IProgress<AblationProgress>
{
    public void Report(AblationProgress value)
    {
        var prefix = $"  [{value.Row,2}/{value.RowCount}] {value.Name}";
        switch (value.Stage)
        {
            case AblationStage.Training when value.Epoch is { } epoch && !Console.IsOutputRedirected:
                Console.Write($"\r{prefix}: epoch {epoch.Epoch}, validation {epoch.ValidationScore:F4}   ");
                break;
            case AblationStage.Finished:
                var history = value.Result!.History;
                var training = history is null ? "no training" : $"best epoch {history.BestEpoch} of {history.Epochs.Count}";
                Console.Write(Console.IsOutputRedirected ? "" : "\r\u001b[2K");
                Console.WriteLine($"{prefix}: {training}, {value.Result.TrainingTime.TotalSeconds:F1} s");
                break;
        }
    }
}
