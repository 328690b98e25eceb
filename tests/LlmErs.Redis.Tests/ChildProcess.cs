using System.Diagnostics;

namespace LlmErs.Redis.Tests;

/// <summary>A running LlmErs.Redis.WorkerChild, with its output lines collected as they come.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<string> _errors = [];

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_lines, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_errors, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string mode, string queue, int items, params string[] options)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            Path.Combine(AppContext.BaseDirectory, "LlmErs.Redis.WorkerChild.dll"), mode,
            "--redis", RedisServer.Address!, "--queue", queue, "--items", $"{items}", .. options])
        {
            start.ArgumentList.Add(argument);
        }

        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start the {mode} child process."));
    }

    public string[] Lines()
    {
        lock (_lines)
        {
            return [.. _lines];
        }
    }

    /// <summary>Waits for the process to exit with code 0 and returns its output.</summary>
    public async Task<string[]> SucceedAsync(TimeSpan timeout)
    {
        using (var cancellation = new CancellationTokenSource(timeout))
        {
            try
            {
                await _process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"The child process {_process.Id} did not exit within {timeout}:\n{Output()}");
            }
        }

        _process.WaitForExit(); // drains the output readers
        Assert.True(_process.ExitCode == 0, $"The child process {_process.Id} failed with exit code {_process.ExitCode}:\n{Output()}");
        return Lines();
    }

    /// <summary>Kills the process with SIGKILL: no handler, no flush, no goodbye.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private string Output()
    {
        lock (_errors)
        {
            return string.Join('\n', Lines()) + "\n" + string.Join('\n', _errors);
        }
    }

    private static void Append(List<string> lines, string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }
}
