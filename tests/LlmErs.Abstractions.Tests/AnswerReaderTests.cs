namespace LlmErs.Abstractions.Tests;

public sealed class AnswerReaderTests
{
    private static readonly string[] Moods = ["dark", "uplifting", "tense"];

    [Theory]
    [InlineData("", "The answer is empty")]
    [InlineData("   ", "The answer is empty")]
    [InlineData("{\"value\": ", "not valid JSON")]
    [InlineData("[\"dark\"]", "a JSON array, not an object")]
    [InlineData("{\"answer\": \"dark\"}", "no \"value\" member")]
    public void Malformed_answers_say_what_shape_to_use(string answer, string expected)
    {
        var result = AnswerReader.ReadValue(answer);

        Assert.False(result.IsValid);
        Assert.Contains(expected, result.Error);
        Assert.Contains("{\"value\": …}", result.Error);
    }

    [Theory]
    [InlineData("```json\n{\"value\": 1}\n```")]
    [InlineData("```\n{\"value\": 1}\n```")]
    [InlineData("  {\"value\": 1}  ")]
    public void Code_fences_and_whitespace_are_tolerated(string answer)
    {
        var result = AnswerReader.ReadValue(answer);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(1, result.Value.GetInt32());
    }

    [Fact]
    public void Text_is_trimmed_and_bounded_in_words()
    {
        Assert.Equal("Two words", AnswerReader.ReadText("{\"value\": \"  Two words \"}", 2).Value);
        Assert.Equal("\"value\" has 3 words; write at most 2.", AnswerReader.ReadText("{\"value\": \"one two three\"}", 2).Error);
        Assert.Contains("empty string", AnswerReader.ReadText("{\"value\": \"  \"}", 2).Error);
        Assert.Contains("must be a string, not a number", AnswerReader.ReadText("{\"value\": 3}", 2).Error);
    }

    [Fact]
    public void Tags_map_to_the_vocabulary_spelling()
    {
        var result = AnswerReader.ReadTags("{\"value\": [\"DARK\", \" tense\"]}", Moods, 0, 3);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(["dark", "tense"], result.Value);
    }

    [Fact]
    public void Repeated_tags_are_removed_before_the_count_is_checked()
    {
        // Three entries but two distinct tags: within Max = 2 once the repeat is gone.
        var result = AnswerReader.ReadTags("{\"value\": [\"dark\", \"Dark\", \"tense\"]}", Moods, 1, 2);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(["dark", "tense"], result.Value);
    }

    [Fact]
    public void Repeated_tags_fail_only_when_the_distinct_ones_are_too_few()
    {
        var result = AnswerReader.ReadTags("{\"value\": [\"dark\", \"DARK\"]}", Moods, 2, 3);

        Assert.False(result.IsValid);
        Assert.Equal("Give at least 2 tag(s); the answer has 1.", result.Error);
    }

    [Theory]
    [InlineData("{\"value\": [\"cozy\"]}", "Tag \"cozy\" is not allowed. Allowed: \"dark\", \"uplifting\", \"tense\".")]
    [InlineData("{\"value\": [1]}", "Every tag must be a string; found a number.")]
    [InlineData("{\"value\": \"dark\"}", "must be an array of tags, not a string")]
    [InlineData("{\"value\": []}", "Give at least 1 tag(s); the answer has 0.")]
    [InlineData("{\"value\": [\"dark\", \"tense\", \"uplifting\"]}", "Give at most 2 tag(s); the answer has 3.")]
    public void Invalid_tags_are_explained(string answer, string expected)
    {
        var result = AnswerReader.ReadTags(answer, Moods, 1, 2);

        Assert.False(result.IsValid);
        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public void Choices_allow_null_only_when_nullable()
    {
        Assert.Equal("tense", AnswerReader.ReadChoice("{\"value\": \"Tense\"}", Moods, nullable: false).Value);
        Assert.True(AnswerReader.ReadChoice("{\"value\": null}", Moods, nullable: true).IsValid);
        Assert.Contains("must not be null", AnswerReader.ReadChoice("{\"value\": null}", Moods, nullable: false).Error);
        Assert.Contains("Use null if unknown.", AnswerReader.ReadChoice("{\"value\": \"calm\"}", Moods, nullable: true).Error);
    }

    [Fact]
    public void Numbers_respect_their_bounds_and_kinds()
    {
        Assert.Equal(42L, AnswerReader.ReadInteger("{\"value\": 42}", false, 0, 100).Value);
        Assert.Equal("\"value\" must be between 0 and 100; got 101.", AnswerReader.ReadInteger("{\"value\": 101}", false, 0, 100).Error);
        Assert.Contains("whole number", AnswerReader.ReadInteger("{\"value\": 4.5}", false, 0, 100).Error);
        Assert.Contains("not 4.5", AnswerReader.ReadInteger("{\"value\": 4.5}", false, 0, 100).Error);
        Assert.Equal(2.5, AnswerReader.ReadNumber("{\"value\": 2.5}", false, 0, 10).Value);
        Assert.Contains("between 0 and 10; got 12.5", AnswerReader.ReadNumber("{\"value\": 12.5}", false, 0, 10).Error);
        Assert.Null(AnswerReader.ReadNumber("{\"value\": null}", true, 0, 10).Value);
        Assert.Contains("must be true or false (or null if unknown), not a string", AnswerReader.ReadBoolean("{\"value\": \"yes\"}", true).Error);
    }

    [Fact]
    public void Formatting_round_trips()
    {
        Assert.Equal("{\"value\":\"a \\u0022b\\u0022\"}", AnswerReader.Format("a \"b\""));
        Assert.Equal("a \"b\"", AnswerReader.ReadString(AnswerReader.Format("a \"b\""), false).Value);
        Assert.Equal("{\"value\":null}", AnswerReader.Format((bool?)null));
        Assert.Equal("{\"value\":[\"dark\",\"tense\"]}", AnswerReader.Format(["dark", "tense"]));
        Assert.Equal(0.1, AnswerReader.ReadNumber(AnswerReader.Format(0.1), false, double.NegativeInfinity, double.PositiveInfinity).Value);
        Assert.Equal(long.MinValue, AnswerReader.ReadInteger(AnswerReader.Format(long.MinValue), false, long.MinValue, long.MaxValue).Value);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("one", 1)]
    [InlineData("  one\ttwo\nthree  ", 3)]
    public void Words_are_whitespace_separated(string text, int expected) => Assert.Equal(expected, AnswerReader.CountWords(text));
}
