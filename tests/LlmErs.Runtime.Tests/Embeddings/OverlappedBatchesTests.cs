namespace LlmErs.Runtime.Tests.Embeddings;

public sealed class OverlappedBatchesTests
{
    [Fact]
    public async Task Batches_OverlapTwoAtATime_AndFinishInTheirOrder()
    {
        var gates = Enumerable.Range(0, 6).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = new List<int>();
        var finished = new List<int>();

        var run = OverlappedBatches.RunAsync(
            Enumerable.Range(0, gates.Length),
            (batch, _) =>
            {
                lock (started)
                {
                    started.Add(batch);
                }

                return gates[batch].Task;
            },
            (batch, result) =>
            {
                Assert.Equal(batch * 10, result);
                finished.Add(batch);
            },
            CancellationToken.None);

        // Only the first two start; the second finishing first changes nothing until the first is done.
        Assert.Equal([0, 1], started);
        gates[1].SetResult(10);
        await Task.Delay(50);
        Assert.Equal([0, 1], started);
        Assert.Empty(finished);

        gates[0].SetResult(0);
        await WaitUntil(() => started.Count == 4);
        Assert.Equal([0, 1], finished);
        for (var batch = 2; batch < gates.Length; batch++)
        {
            gates[batch].SetResult(batch * 10);
        }

        await run;
        Assert.Equal([0, 1, 2, 3, 4, 5], finished);
        Assert.Equal([0, 1, 2, 3, 4, 5], started);
    }

    [Fact]
    public async Task AFailure_CancelsAndAwaitsTheBatchInFlight_StartsNoMore_AndIsWhatIsThrown()
    {
        var started = new List<int>();
        var secondCancelled = false;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => OverlappedBatches.RunAsync(
            Enumerable.Range(0, 5),
            async (batch, token) =>
            {
                started.Add(batch);
                if (batch == 0)
                {
                    await Task.Yield();
                    throw new InvalidOperationException("batch 0 failed");
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(20), token);
                    return batch;
                }
                catch (OperationCanceledException)
                {
                    secondCancelled = true;
                    throw;
                }
            },
            (_, _) => Assert.Fail("no batch finishes"),
            CancellationToken.None));

        Assert.Equal("batch 0 failed", failure.Message);
        Assert.Equal([0, 1], started);
        Assert.True(secondCancelled);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var wait = 0; !condition(); wait++)
        {
            Assert.True(wait < 500, "the condition did not hold within 5 s");
            await Task.Delay(10);
        }
    }
}
