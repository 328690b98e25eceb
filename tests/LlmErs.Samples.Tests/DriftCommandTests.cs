using LlmErs.Quickstart;

namespace LlmErs.Samples.Tests;

public sealed class DriftCommandTests
{
    [Fact]
    public void Parse_TakesTwoRuns_AndAnOptionalOutputFolder()
    {
        Assert.Equal(new DriftCommand("a", "b", null), DriftCommand.Parse(["a", "b"]));
        Assert.Equal(new DriftCommand("a", "b", Path.GetFullPath("report")), DriftCommand.Parse(["a", "--out", "report", "b"]));
        Assert.Null(DriftCommand.Parse(["--help"]));
    }

    [Theory]
    [InlineData(new[] { "a" }, "drift compares two runs: give OLD and NEW (got 1).")]
    [InlineData(new[] { "a", "b", "c" }, "drift compares two runs: give OLD and NEW (got 3).")]
    [InlineData(new[] { "a", "b", "--out" }, "--out needs a value: --out DIR.")]
    [InlineData(new[] { "a", "b", "--out", "x", "--out", "y" }, "--out is given twice.")]
    [InlineData(new[] { "a", "b", "--psi" }, "Unknown option '--psi'.")]
    public void Parse_RejectsWhatItCannotRun(string[] args, string message)
    {
        Assert.Equal(message, Assert.Throws<SampleException>(() => DriftCommand.Parse(args)).Message);
    }

    [Fact]
    public async Task Run_IdenticalFiles_PrintsNoDrift_AndExitsZero_WritingTheReports()
    {
        using var directory = new TempDirectory();
        File.WriteAllLines(directory.File("run.jsonl"), Enumerable.Range(0, 50).Select(i => $$"""{"Id":"i{{i}}","Pacing":"{{(i % 3 == 0 ? "Fast" : "Slow")}}"}"""));
        var output = new StringWriter();

        var exitCode = await DriftCommand.RunAsync([directory.File("run.jsonl"), directory.File("run.jsonl"), "--out", directory.File("report")], output, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Contains("**No drift** (exit code 0)", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(directory.File(Path.Combine("report", "drift.html"))));
    }

    [Fact]
    public async Task Run_ShiftedLabels_ExitsTwo()
    {
        using var directory = new TempDirectory();
        File.WriteAllLines(directory.File("old.jsonl"), Enumerable.Range(0, 50).Select(i => $$"""{"Id":"i{{i}}","Pacing":"{{(i % 5 == 0 ? "Fast" : "Slow")}}"}"""));
        File.WriteAllLines(directory.File("new.jsonl"), Enumerable.Range(0, 50).Select(i => $$"""{"Id":"i{{i}}","Pacing":"{{(i % 5 == 0 ? "Slow" : "Fast")}}"}"""));

        var exitCode = await DriftCommand.RunAsync([directory.File("old.jsonl"), directory.File("new.jsonl")], TextWriter.Null, TextWriter.Null, CancellationToken.None);

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public async Task Run_AMissingRun_ExitsThree_NamingIt()
    {
        var error = new StringWriter();

        var exitCode = await DriftCommand.RunAsync(["no/such/run", "no/such/run"], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(DriftCommand.ErrorExitCode, exitCode);
        Assert.StartsWith("'no/such/run' does not exist", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadArguments_ExitThree_WithTheUsage()
    {
        var error = new StringWriter();

        var exitCode = await DriftCommand.RunAsync(["only-one"], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(DriftCommand.ErrorExitCode, exitCode);
        Assert.Contains(DriftCommand.Usage, error.ToString(), StringComparison.Ordinal);
    }
}
