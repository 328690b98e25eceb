namespace LlmErs.Abstractions.Tests;

public sealed class SemanticIdTests
{
    [Fact]
    public void Formats_and_parses()
    {
        var id = new SemanticId([12, 24, 52, 0]);

        Assert.Equal("12-24-52-0", id.ToString());
        Assert.Equal(id, SemanticId.Parse("12-24-52-0"));
        Assert.Equal($"{id}", id.ToString());
        Assert.Equal(4, id.Length);
        Assert.Equal(52, id[2]);
    }

    [Fact]
    public void Default_is_empty_and_round_trips()
    {
        Assert.True(default(SemanticId).IsEmpty);
        Assert.Equal("", default(SemanticId).ToString());
        Assert.Equal(default, SemanticId.Parse(""));
    }

    [Theory]
    [InlineData("1--2")]
    [InlineData("-1")]
    [InlineData("1-a")]
    [InlineData("1-2-")]
    [InlineData(" 1")]
    public void Rejects_malformed_text(string text)
    {
        Assert.False(SemanticId.TryParse(text, null, out _));
        var error = Assert.Throws<FormatException>(() => SemanticId.Parse(text));
        Assert.Contains("e.g. 12-24-52-0", error.Message);
    }

    [Fact]
    public void Equality_is_by_codes()
    {
        Assert.Equal(new SemanticId([1, 2]), new SemanticId([1, 2]));
        Assert.NotEqual(new SemanticId([1, 2]), new SemanticId([1, 2, 0]));
        Assert.Equal(new SemanticId([1, 2]).GetHashCode(), new SemanticId([1, 2]).GetHashCode());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SemanticId([-1]));
    }

    [Fact]
    public void Formats_into_spans()
    {
        Span<char> buffer = stackalloc char[16];
        Assert.True(new SemanticId([7, 300]).TryFormat(buffer, out var written, default, null));
        Assert.Equal("7-300", buffer[..written].ToString());
        Assert.False(new SemanticId([7, 300]).TryFormat(buffer[..3], out _, default, null));
    }
}
