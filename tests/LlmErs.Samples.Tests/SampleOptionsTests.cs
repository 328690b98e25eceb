using LlmErs.Quickstart;

namespace LlmErs.Samples.Tests;

public sealed class SampleOptionsTests
{
    private static readonly Dictionary<string, string> NoVariables = [];

    [Fact]
    public void NoArguments_RunsTheSyntheticCatalogOffline()
    {
        var options = Parse([]);

        Assert.Equal(Path.GetFullPath(Path.Combine("out", "quickstart")), options.OutputDirectory);
        Assert.Null(options.MovieLensDirectory);
        Assert.False(options.UseTags);
        Assert.False(options.FullAblation);
        Assert.Null(options.Endpoint);
        Assert.Equal("dotnet run -c Release --project samples/LlmErs.Quickstart", options.Command);
    }

    [Fact]
    public void MovieLens_DefaultsItsOwnOutputFolder()
    {
        var options = Parse(["--movielens", "data/ml", "--tags"]);

        Assert.Equal(Path.GetFullPath("data/ml"), options.MovieLensDirectory);
        Assert.Equal(Path.GetFullPath(Path.Combine("out", "movielens")), options.OutputDirectory);
        Assert.True(options.UseTags);
        Assert.Equal("dotnet run -c Release --project samples/LlmErs.Quickstart -- --movielens data/ml --tags", options.Command);
    }

    [Fact]
    public void FullAblation_TrainsEveryModelsRemovedBlockRows()
    {
        var options = Parse(["--movielens", "data/ml", "--full-ablation"]);

        Assert.True(options.FullAblation);
        Assert.Equal("dotnet run -c Release --project samples/LlmErs.Quickstart -- --movielens data/ml --full-ablation", options.Command);
    }

    [Fact]
    public void Out_ChangesTheOutputFolder()
    {
        Assert.Equal(Path.GetFullPath("elsewhere"), Parse(["--out", "elsewhere"]).OutputDirectory);
        Assert.Equal(Path.GetFullPath("elsewhere"), Parse(["--movielens", "ml", "--out", "elsewhere"]).OutputDirectory);
    }

    [Fact]
    public void Endpoint_FromTheCommandLine_TakesTheKeyFromTheEnvironmentOnly()
    {
        var options = Parse(["--endpoint", "http://localhost:11434/v1", "--model", "llama3.2"], new() { ["LLMERS_API_KEY"] = "secret" });

        Assert.Equal(new ChatEndpoint(new Uri("http://localhost:11434/v1"), "llama3.2", "secret"), options.Endpoint);
        Assert.DoesNotContain("secret", options.Endpoint!.ToString());
        Assert.DoesNotContain("secret", options.Command);
    }

    [Fact]
    public void Endpoint_FromEnvironmentVariables()
    {
        var options = Parse([], new() { ["LLMERS_ENDPOINT"] = "https://api.openai.com/v1", ["LLMERS_MODEL"] = "gpt-4o-mini" });

        Assert.Equal(new ChatEndpoint(new Uri("https://api.openai.com/v1"), "gpt-4o-mini", null), options.Endpoint);
    }

    [Fact]
    public void CommandLine_OverridesEnvironmentVariables()
    {
        var options = Parse(
            ["--endpoint", "http://localhost:11434/v1", "--model", "llama3.2"],
            new() { ["LLMERS_ENDPOINT"] = "https://api.openai.com/v1", ["LLMERS_MODEL"] = "gpt-4o-mini" });

        Assert.Equal(new Uri("http://localhost:11434/v1"), options.Endpoint!.Url);
        Assert.Equal("llama3.2", options.Endpoint.Model);
    }

    [Fact]
    public void EmptyVariables_CountAsUnset()
    {
        Assert.Null(Parse([], new() { ["LLMERS_ENDPOINT"] = "", ["LLMERS_MODEL"] = " ", ["LLMERS_API_KEY"] = "key" }).Endpoint);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_AsksForTheUsage(string argument)
    {
        Assert.Null(SampleOptions.Parse(["--movielens", "ml", argument], _ => null));
    }

    [Theory]
    [InlineData("Unknown argument '--fast'.", "--fast")]
    [InlineData("Unknown argument 'ml'.", "ml")]
    [InlineData("--out needs a value: --out DIR.", "--out")]
    [InlineData("--movielens needs a value: --movielens DIR.", "--movielens", "--tags")]
    [InlineData("--model needs a value: --model NAME.", "--endpoint", "http://localhost:11434/v1", "--model")]
    [InlineData("--out is given twice.", "--out", "a", "--out", "b")]
    [InlineData("--tags adds a block built from MovieLens' tags.csv; use it with --movielens DIR.", "--tags")]
    [InlineData("--full-ablation widens the MovieLens ablation; use it with --movielens DIR.", "--full-ablation")]
    public void Mistakes_AreNamed(string message, params string[] args)
    {
        var error = Assert.Throws<SampleException>(() => SampleOptions.Parse(args, _ => null));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Endpoint_WithoutModel_SaysHowToNameOne()
    {
        var error = Assert.Throws<SampleException>(() => Parse(["--endpoint", "http://localhost:11434/v1"]));
        Assert.Contains("--model NAME (or set LLMERS_MODEL)", error.Message);
    }

    [Fact]
    public void Model_WithoutEndpoint_SaysHowToSetOne()
    {
        var error = Assert.Throws<SampleException>(() => Parse([], new() { ["LLMERS_MODEL"] = "llama3.2" }));
        Assert.Contains("--endpoint URL (or set LLMERS_ENDPOINT)", error.Message);
    }

    [Fact]
    public void EndpointRequests_DefaultToThreeMinuteAttempts_AStopAfterTen_AndAPreflight()
    {
        var endpoint = Parse(["--endpoint", "http://localhost:11434/v1", "--model", "llama3.2"]).Endpoint!;

        Assert.Equal((TimeSpan.FromMinutes(3), 10, true), (endpoint.AttemptTimeout, endpoint.StopAfterConsecutiveFailures, endpoint.Preflight));
    }

    [Fact]
    public void EndpointRequests_TakeTheirAttemptTimeoutStopAndPreflightFromTheCommandLine()
    {
        var options = Parse(["--endpoint", "http://localhost:11434/v1", "--model", "llama3.2", "--attempt-timeout", "7.5", "--stop-after", "3", "--no-preflight"]);

        var endpoint = options.Endpoint!;
        Assert.Equal((TimeSpan.FromSeconds(7.5), 3, false), (endpoint.AttemptTimeout, endpoint.StopAfterConsecutiveFailures, endpoint.Preflight));
        Assert.EndsWith("--attempt-timeout 7.5 --stop-after 3 --no-preflight", options.Command);
    }

    [Theory]
    [InlineData("--attempt-timeout SECONDS takes a positive number; got '0'.", "--attempt-timeout", "0")]
    [InlineData("--attempt-timeout SECONDS takes a positive number; got 'soon'.", "--attempt-timeout", "soon")]
    [InlineData("--stop-after N takes a positive whole number; got '2.5'.", "--stop-after", "2.5")]
    [InlineData("--stop-after N takes a positive whole number; got '-1'.", "--stop-after", "-1")]
    public void EndpointRequestSettings_MustBePositive(string message, string name, string value)
    {
        var error = Assert.Throws<SampleException>(() => Parse(["--endpoint", "http://localhost:11434/v1", "--model", "m", name, value]));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("--attempt-timeout", "30")]
    [InlineData("--stop-after", "3")]
    [InlineData("--no-preflight")]
    public void EndpointRequestSettings_NeedAnEndpoint(params string[] args)
    {
        var error = Assert.Throws<SampleException>(() => Parse(args));
        Assert.Contains("use them with --endpoint URL", error.Message);
    }

    [Theory]
    [InlineData("localhost:11434/v1")]
    [InlineData("ftp://example.com/v1")]
    [InlineData("/v1")]
    public void Endpoint_MustBeAnAbsoluteHttpUrl(string url)
    {
        var error = Assert.Throws<SampleException>(() => Parse(["--endpoint", url, "--model", "m"]));
        Assert.Contains($"'{url}' is not an absolute http(s) URL", error.Message);
    }

    private static SampleOptions Parse(string[] args, Dictionary<string, string>? variables = null)
    {
        variables ??= NoVariables;
        return SampleOptions.Parse(args, name => variables.GetValueOrDefault(name))!;
    }
}
