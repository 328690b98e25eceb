using LlmErs.Local;

namespace LlmErs.Local.Tests.Chat;

public sealed class RecentVectorsTests
{
    [Fact]
    public void A_full_memory_forgets_the_text_used_longest_ago_and_keeps_one_read_since()
    {
        var memory = new RecentVectors(capacity: 3);
        memory.Add("a", new float[] { 1 });
        memory.Add("b", new float[] { 2 });
        memory.Add("c", new float[] { 3 });

        // Reading "a" makes "b" the one used longest ago.
        Assert.True(memory.TryGet("a", out var a));
        Assert.Equal(1f, a.Span[0]);
        memory.Add("d", new float[] { 4 });

        Assert.False(memory.TryGet("b", out _));
        Assert.True(memory.TryGet("a", out _));
        Assert.True(memory.TryGet("c", out _));
        Assert.True(memory.TryGet("d", out var d));
        Assert.Equal(4f, d.Span[0]);
    }

    [Fact]
    public void Adding_a_known_text_again_keeps_its_first_vector_and_forgets_nothing()
    {
        var memory = new RecentVectors(capacity: 2);
        memory.Add("a", new float[] { 1 });
        memory.Add("b", new float[] { 2 });
        memory.Add("a", new float[] { 9 });
        memory.Add("c", new float[] { 3 });

        Assert.True(memory.TryGet("a", out var a));
        Assert.Equal(1f, a.Span[0]);
        Assert.False(memory.TryGet("b", out _));
        Assert.True(memory.TryGet("c", out _));
    }
}
