using System.Text.RegularExpressions;
using LlmErs.Quickstart;
using Spectre.Console;

namespace LlmErs.Samples.Tests;

public sealed class HeldConsoleTests
{
    [Fact]
    public void Lines_WaitForTheRelease_ThenGoStraightThrough_RenderedAndInOrder()
    {
        var output = new StringWriter();
        var held = new HeldConsole(output, AnsiConsole.Profile);
        held.Console.WriteLine();
        held.Console.MarkupLine("[bold]Cold-item split[/]: 85,242 training");
        held.Out.WriteLine("  [ 2/11] BPR (ID only): best epoch 1 of 16, 1.3 s");
        held.Console.MarkupLine($"  e.g. viewer 1: [italic]{Markup.Escape("[likes] westerns")}[/]");
        Assert.True(held.IsHeld);
        Assert.Equal("", output.ToString());

        held.Release();
        Assert.False(held.IsHeld);
        Assert.Equal(["", "Cold-item split: 85,242 training", "  [ 2/11] BPR (ID only): best epoch 1 of 16, 1.3 s", "  e.g. viewer 1: [likes] westerns", ""], Lines(output));

        held.Out.WriteLine("  [ 3/11] after the release");
        Assert.Equal("  [ 3/11] after the release", Lines(output)[^2]);
    }

    // Escape codes where the real console has colour; the text is the same either way.
    private static string[] Lines(StringWriter output) =>
        Regex.Replace(output.ToString(), "\u001b\\[[0-9;]*m", "").ReplaceLineEndings("\n").Split('\n');
}
