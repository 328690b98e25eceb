using LlmErs.Quickstart;

namespace LlmErs.Samples.Tests;

public sealed class SideBySideTests
{
    [Fact]
    public async Task BothSucceed_BothResultsComeBack()
    {
        var (first, second) = await SideBySide.RunAsync(
            async token => { await Task.Delay(20, token); return 1; },
            token => Task.FromResult("two"),
            CancellationToken.None);

        Assert.Equal((1, "two"), (first, second));
    }

    [Fact]
    public async Task OneFails_TheOtherIsCancelledAndTheFailureIsThrown()
    {
        var otherCancelled = false;
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => SideBySide.RunAsync(
            async token =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                catch (OperationCanceledException)
                {
                    otherCancelled = true;
                    throw;
                }

                return 1;
            },
            async Task<int> (token) =>
            {
                await Task.Delay(20, token);
                throw new InvalidOperationException("the cold-item profiles failed");
            },
            CancellationToken.None));

        Assert.Equal("the cold-item profiles failed", thrown.Message);
        Assert.True(otherCancelled);
    }

    [Fact]
    public async Task OneFails_WhatTheOtherProducedIsDisposed()
    {
        var produced = new Disposable();
        await Assert.ThrowsAsync<TimeoutException>(() => SideBySide.RunAsync(
            async Task<int> (token) =>
            {
                await Task.Delay(50, CancellationToken.None);
                throw new TimeoutException();
            },
            token => Task.FromResult(produced),
            CancellationToken.None));

        Assert.True(produced.Disposed);
    }

    [Fact]
    public async Task TheCallerCancels_BothStop()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SideBySide.RunAsync(
            async token => { await Task.Delay(Timeout.Infinite, token); return 1; },
            async token => { await Task.Delay(Timeout.Infinite, token); return 2; },
            cancel.Token));
    }

    private sealed class Disposable : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
