using LlmErs;
using Xunit;

namespace LlmErs.Runtime.Tests.Enrichment;

/// <summary>The answer-token allowance of dry runs and the tokens-per-minute limit, read from the typed constraints.</summary>
public sealed class AnswerAllowanceTests
{
    private const int Envelope = 6;
    private const int TextTokens = 120;

    [Fact]
    public void ClosedAnswersAreExact()
    {
        Assert.Equal(Envelope + 1, Estimate(AnswerConstraints.Boolean(allowsUnknown: true)));
        Assert.Equal(Envelope + 4, Estimate(AnswerConstraints.Integer(false, 0, 10)));
        Assert.Equal(Envelope + 4, Estimate(AnswerConstraints.Number(true, null, null)));

        // The longest entry and its quotes.
        var longest = TokenCounter.Count("Fantasy world") + 2;
        Assert.Equal(Envelope + longest, Estimate(AnswerConstraints.Choice(["Sea", "Fantasy world"], allowsUnknown: true)));
        // Brackets, then at most three entries with their separators.
        Assert.Equal(Envelope + 2 + 3 * (1 + longest), Estimate(AnswerConstraints.Tags(["Sea", "Fantasy world", "City"], 1, 3)));
    }

    [Fact]
    public void FreeTextTakesTheConfiguredEstimate()
    {
        Assert.Equal(Envelope + TextTokens, Estimate(AnswerConstraints.Text(40)));
        Assert.Equal(Envelope + TextTokens, Estimate(AnswerConstraints.String(allowsUnknown: true)));
    }

    [Fact]
    public void TheMaximumOutputCapsTheAllowance()
    {
        Assert.Equal(50, AnswerAllowance.Estimate(AnswerConstraints.Text(40), TextTokens, maxOutputTokens: 50));
        Assert.Equal(Envelope + 1, AnswerAllowance.Estimate(AnswerConstraints.Boolean(false), TextTokens, maxOutputTokens: 50));
    }

    private static int Estimate(AnswerConstraints constraints) => AnswerAllowance.Estimate(constraints, TextTokens, maxOutputTokens: null);
}
