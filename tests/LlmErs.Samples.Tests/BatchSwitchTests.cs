using LlmErs.Quickstart;

namespace LlmErs.Samples.Tests;

public sealed class BatchSwitchTests
{
    [Fact]
    public void Batch_WithAnEndpointAndKey_RecordsItsBatchesInTheOutputFolder()
    {
        var options = SampleOptions.Parse(
            ["--endpoint", "https://api.openai.com/v1", "--model", "gpt-4o-mini", "--batch", "--out", "run"],
            name => name == SampleOptions.ApiKeyVariable ? "sk-secret" : null)!;

        Assert.True(options.UseBatch);
        var batch = options.Endpoint!.CreateBatchOptions(Path.Combine(options.OutputDirectory, "batches"));
        Assert.Equal((new Uri("https://api.openai.com/v1"), "sk-secret", Path.GetFullPath(Path.Combine("run", "batches"))),
            (batch.Endpoint, batch.ApiKey, batch.StateDirectory));
        Assert.DoesNotContain("sk-secret", options.Command);
    }

    [Fact]
    public void NoBatch_ByDefault()
    {
        Assert.False(SampleOptions.Parse(["--endpoint", "https://api.openai.com/v1", "--model", "m"], _ => "key")!.UseBatch);
    }

    [Fact]
    public void Batch_WithoutAnEndpoint_SaysWhatToAdd()
    {
        var error = Assert.Throws<SampleException>(() => SampleOptions.Parse(["--batch"], _ => null));

        Assert.Contains("add --endpoint URL and --model NAME", error.Message);
    }

    [Fact]
    public void Batch_WithoutAKey_NamesTheVariable()
    {
        var error = Assert.Throws<SampleException>(() => SampleOptions.Parse(["--endpoint", "http://localhost:11434/v1", "--model", "m", "--batch"], _ => null));

        Assert.Equal("--batch needs an API key: the Batch API always takes one; set LLMERS_API_KEY.", error.Message);
    }
}
