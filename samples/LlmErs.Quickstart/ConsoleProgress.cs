using LlmErs.Recommenders;

namespace LlmErs.Quickstart;

/// <summary>One line per finished row; while a row trains, a status line rewritten after each epoch (on a terminal, while output is live).</summary>
/// <param name="held">Where the lines go when they must wait for other output; null for the console.</param>
internal sealed class ConsoleProgress(HeldConsole? held = null) : IProgress<AblationProgress>
{
    private readonly TextWriter _output = held?.Out ?? Console.Out;

    public void Report(AblationProgress value)
    {
        var prefix = $"  [{value.Row,2}/{value.RowCount}] {value.Name}";
        var live = !Console.IsOutputRedirected && held is not { IsHeld: true };
        switch (value.Stage)
        {
            case AblationStage.Training when value.Epoch is { } epoch && live:
                _output.Write($"\r{prefix}: epoch {epoch.Epoch}, validation {epoch.ValidationScore:F4}   ");
                break;
            case AblationStage.Finished:
                var history = value.Result!.History;
                var training = history is null ? "no training" : $"best epoch {history.BestEpoch} of {history.Epochs.Count}";
                _output.Write(live ? "\r\u001b[2K" : "");
                _output.WriteLine($"{prefix}: {training}, {value.Result.TrainingTime.TotalSeconds:F1} s");
                break;
        }
    }
}
