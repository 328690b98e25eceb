using System.Diagnostics;
using System.Reflection;

namespace LlmErs.Packaging.Tests;

/// <summary>
/// Packs the src projects into a local feed and builds and runs a console app that references only those
/// packages, as a user would: the generator must arrive through them, enrichment and serving must run, and the Redis
/// scale-out package must register its cache.
/// </summary>
public sealed class PackageConsumerTests
{
    private static readonly string[] Packages =
        ["LlmErs.Abstractions", "LlmErs.Vectors", "LlmErs.Runtime", "LlmErs.Recommenders", "LlmErs.Local", "LlmErs.Redis"];

    [Fact]
    public async Task A_console_app_referencing_only_the_packages_builds_enriches_and_serves()
    {
        using var temp = new TempDirectory();
        var feed = Directory.CreateDirectory(temp.File("feed")).FullName;
        var configuration = typeof(PackageConsumerTests).Assembly
            .GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var repo = FindRepositoryRoot();

        // The project references of this test built the src projects in this configuration already.
        foreach (var package in Packages)
        {
            await RunAsync(repo, "dotnet", "pack", Path.Combine("src", package), "-c", configuration, "--no-build", "-o", feed);
        }

        var version = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "LlmErs.Runtime.*.nupkg").Single())["LlmErs.Runtime.".Length..];
        var app = Directory.CreateDirectory(temp.File("app")).FullName;
        WriteConsumer(app, await WriteNuGetConfigAsync(temp, feed));

        var output = await RunAsync(app, "dotnet", "run", "-c", "Release", "-p:LlmErsVersion=" + version, "--", temp.Path);

        // A fresh packages folder proves the LlmErs packages came from the feed just packed, not a cached copy.
        Assert.True(Directory.Exists(temp.File(Path.Combine("packages", "llmers.abstractions", version))), output);
        Assert.Contains("prompt: Who would enjoy Alien?", output);
        Assert.Contains("enriched: 2/2", output);
        Assert.Matches(@"m1: pitch=\S", output);
        Assert.Contains("recommended for [m1]: m2", output);
        Assert.Contains("redis cache: RedisEnrichmentCache (Singleton) for 127.0.0.1:6379", output);
    }

    private static void WriteConsumer(string app, string nugetConfig)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Consumer");
        File.Copy(Path.Combine(source, "Consumer.csproj.txt"), Path.Combine(app, "Consumer.csproj"));
        File.Copy(Path.Combine(source, "Program.cs.txt"), Path.Combine(app, "Program.cs"));
        File.Copy(nugetConfig, Path.Combine(app, "nuget.config"));
        // Stops MSBuild from importing any Directory.Build.* or central versions from folders above the temp folder.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(app, name), "<Project />");
        }
    }

    /// <summary>
    /// The feed and the machine's usual source, with a packages folder of its own. Third-party packages already in
    /// the machine's cache are reached through a fallback folder of links that leaves out every llmers.* entry, so
    /// restore stays fast and offline-friendly while a stale LlmErs package of the same version cannot be used.
    /// </summary>
    private static async Task<string> WriteNuGetConfigAsync(TempDirectory temp, string feed)
    {
        var globalPackages = (await RunAsync(temp.Path, "dotnet", "nuget", "locals", "global-packages", "--list"))
            .Split(':', 2)[1].Trim();
        var fallback = Directory.CreateDirectory(temp.File("fallback")).FullName;
        foreach (var package in Directory.Exists(globalPackages) ? Directory.GetDirectories(globalPackages) : [])
        {
            var name = Path.GetFileName(package);
            if (!name.StartsWith("llmers.", StringComparison.OrdinalIgnoreCase))
            {
                Directory.CreateSymbolicLink(Path.Combine(fallback, name), package);
            }
        }

        var path = temp.File("nuget.config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{temp.File("packages")}" />
              </config>
              <fallbackPackageFolders>
                <clear />
                <add key="machine-cache-without-llmers" value="{fallback}" />
              </fallbackPackageFolders>
              <packageSources>
                <clear />
                <add key="llmers-feed" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LlmErs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LlmErs.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs a command to completion; a failure or a hang fails the test with everything it printed.</summary>
    private static async Task<string> RunAsync(string workingDirectory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // A build server left behind by the child would hold this test's output pipes open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        var output = await stdout + await stderr;
        Assert.True(process.HasExited && process.ExitCode == 0,
            $"{fileName} {string.Join(' ', arguments)} failed in {workingDirectory}:\n{output}");
        return output;
    }
}
