using System.Diagnostics;
using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Xunit;

namespace LlmErs.Runtime.Tests.Enrichment;

/// <summary>
/// Runs the enrichment in a child process (LlmErs.Runtime.CrashChild), kills it midway, re-runs it, and checks that
/// nothing completed was lost or asked again and that the final files are byte-identical to an uninterrupted run's.
/// The child's model stops answering after <see cref="KillAfterCalls"/> calls, so the run is surely unfinished when
/// it is killed, however busy the machine.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const int Items = 60;
    private const int Fields = 2;
    private const int Concurrency = 4;
    private const int KillAfterCalls = 40;
    private const int LatencyMilliseconds = 15;

    [Fact]
    public async Task AKilledRunResumesWithoutLosingOrRepeatingCompletedCalls_AndWritesIdenticalFiles()
    {
        using var baseline = new TempDirectory();
        using var crashed = new TempDirectory();

        await RunChildToEndAsync(baseline, "calls.log");
        var expectedCalls = Lines(baseline.File("calls.log"));
        Assert.Equal(Items * Fields, expectedCalls.Count);

        using (var child = StartChild(crashed, "calls-1.log", stallAfterCalls: KillAfterCalls))
        {
            await WaitUntilAsync(() => Lines(crashed.File("calls-1.log")).Count >= KillAfterCalls, child);
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        Assert.False(File.Exists(crashed.File("articles.parquet")));
        Assert.False(File.Exists(crashed.File("articles.jsonl")));
        var answeredBeforeKill = Lines(crashed.File("calls-1.log"));
        var committed = CountEntries(crashed.File("cache.db"));
        Assert.InRange(committed, KillAfterCalls - Concurrency, answeredBeforeKill.Count);
        Assert.InRange(answeredBeforeKill.Count - committed, 0, Concurrency);

        await RunChildToEndAsync(crashed, "calls-2.log");
        var answeredAfter = Lines(crashed.File("calls-2.log"));

        // Only what was not durable is asked again: at most the requests in flight at the kill.
        Assert.Equal(Items * Fields - committed, answeredAfter.Count);
        Assert.Equal(expectedCalls.Order(StringComparer.Ordinal), answeredBeforeKill.Concat(answeredAfter).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(baseline.File("articles.parquet")), File.ReadAllBytes(crashed.File("articles.parquet")));
        Assert.Equal(File.ReadAllBytes(baseline.File("articles.jsonl")), File.ReadAllBytes(crashed.File("articles.jsonl")));
    }

    private static async Task RunChildToEndAsync(TempDirectory directory, string log)
    {
        using var child = StartChild(directory, log);
        var output = child.StandardOutput.ReadToEndAsync();
        var errors = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(child.ExitCode == 0, $"The child process failed with exit code {child.ExitCode}:\n{await output}\n{await errors}");
    }

    private static Process StartChild(TempDirectory directory, string log, int? stallAfterCalls = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "LlmErs.Runtime.CrashChild.dll"),
            directory.Path, directory.File(log), $"{Items}", $"{LatencyMilliseconds}", $"{Concurrency}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (stallAfterCalls is { } calls)
        {
            start.ArgumentList.Add($"{calls}");
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the crash-test child process.");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Process child)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(child.HasExited, $"The child process exited (code {(child.HasExited ? child.ExitCode : 0)}) before it could be killed.");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "The child process made too few calls within a minute.");
            await Task.Delay(5);
        }
    }

    private static List<string> Lines(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static long CountEntries(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM answers";
        return (long)command.ExecuteScalar()!;
    }
}
