using Microsoft.AspNetCore.Builder;

namespace LlmErs.Serving.Tests;

/// <summary>
/// The host started in-process on a free loopback port, with model folders v1 and v2 in a temporary directory; "{V2}" in
/// the extra arguments stands for v2's folder.
/// </summary>
internal sealed class ServingHost : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    private ServingHost(params string[] extraArgs)
    {
        V1 = ModelFolders.Write(_directory.File("v1"), "v1", seed: 1);
        V2 = ModelFolders.Write(_directory.File("v2"), "v2", seed: 2);
        ExposureLog = _directory.File("exposures.jsonl");
        App = ServingApp.Build(["--urls", "http://127.0.0.1:0", "--from", V1, "--exposure-log", ExposureLog, .. extraArgs.Select(a => a.Replace("{V2}", V2))]);
    }

    public string V1 { get; }

    public string V2 { get; }

    public string ExposureLog { get; }

    public WebApplication App { get; }

    public HttpClient Client { get; private set; } = null!;

    public static async Task<ServingHost> StartAsync(params string[] extraArgs)
    {
        var host = new ServingHost(extraArgs);
        await host.App.StartAsync();
        var address = host.App.Urls.Single();
        Assert.StartsWith("http://127.0.0.1:", address);
        host.Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) };
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _directory.Dispose();
    }
}
