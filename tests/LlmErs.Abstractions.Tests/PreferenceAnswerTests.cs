using LlmErs;

namespace LlmErs.Abstractions.Tests;

public sealed class PreferenceAnswerTests
{
    private static readonly string[] Keys = ["m1", "M2", "m3"];

    [Fact]
    public void APreference_CarriesTheCandidatesAndNeedsTwo()
    {
        var preference = AnswerConstraints.Preference(["m1", "m2"], ["Alien", "Heat"]);

        Assert.Equal(AnswerKind.Preference, preference.Kind);
        Assert.Equal(["m1", "m2"], preference.Choices);
        Assert.Equal(["Alien", "Heat"], preference.ChoiceDescriptions);
        Assert.Throws<ArgumentException>(() => AnswerConstraints.Preference(["m1"], ["Alien"]));
        Assert.Throws<ArgumentException>(() => AnswerConstraints.Preference(["m1", "m1"], ["a", "b"]));
        Assert.Throws<ArgumentException>(() => AnswerConstraints.Preference(["m1", "m2"], ["a"]));
    }

    [Fact]
    public void AValidAnswer_IsReadInTheCandidatesSpelling_AndFormatsBack()
    {
        var answer = AnswerReader.ReadPreference("{\"value\": {\"liked\": \"m2\", \"disliked\": \" m1 \"}}", Keys);

        Assert.True(answer.IsValid, answer.Error);
        Assert.Equal(new PreferenceAnswer("M2", "m1"), answer.Value);
        Assert.Equal(answer.Value, AnswerReader.ReadPreference(AnswerReader.Format(answer.Value), Keys).Value);
    }

    [Theory]
    [InlineData("{\"value\": {\"liked\": \"m9\", \"disliked\": \"m1\"}}", "\"liked\": \"m9\" is not one of the candidates")]
    [InlineData("{\"value\": {\"liked\": \"m1\", \"disliked\": \"x\"}}", "\"disliked\": \"x\" is not one of the candidates")]
    [InlineData("{\"value\": {\"liked\": \"m1\", \"disliked\": \"M1\"}}", "both name \"m1\"")]
    [InlineData("{\"value\": {\"liked\": \"m1\"}}", "no \"disliked\" member")]
    [InlineData("{\"value\": {\"liked\": 3, \"disliked\": \"m1\"}}", "\"liked\" must be a candidate key, not a number")]
    [InlineData("{\"value\": [\"m1\", \"m3\"]}", "must be an object")]
    public void AnAnswerOutsideTheCandidatesOrNamingOneTwice_IsInvalid_WithAnErrorToSendBack(string json, string expected)
    {
        var answer = AnswerReader.ReadPreference(json, Keys);

        Assert.False(answer.IsValid);
        Assert.Contains(expected, answer.Error, StringComparison.Ordinal);
    }
}
