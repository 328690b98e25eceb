using LlmErs.Local;

namespace LlmErs.Local.Tests.Chat;

public sealed class PromptSentencesTests
{
    [Fact]
    public void A_stop_inside_parentheses_or_after_an_abbreviation_or_initials_ends_no_sentence()
    {
        const string Prompt = "A viewer watched these movies: M*A*S*H (a.k.a. MASH) (Comedy, War; dark), rated 5/5. " +
                              "Dr. Strangelove (Comedy; dark), rated 4/5. L.A. Confidential (Crime; tense), rated 3.5/5. Kramer vs. Kramer (Drama). " +
                              "Describe their taste!";

        Assert.Equal(
            [
                "A viewer watched these movies: M*A*S*H (a.k.a. MASH) (Comedy, War; dark), rated 5/5.",
                "Dr. Strangelove (Comedy; dark), rated 4/5.",
                "L.A. Confidential (Crime; tense), rated 3.5/5.",
                "Kramer vs. Kramer (Drama).",
                "Describe their taste!",
            ],
            PromptSentences.Of(Prompt));
    }

    [Fact]
    public void Sentences_end_at_stops_questions_exclamations_and_line_breaks_and_need_a_letter_or_digit()
    {
        Assert.Equal(["Which moods fit?", "A storm hits the coast.", "Run!", "- 42", "Plot: a keeper"], PromptSentences.Of("Which moods fit? A storm hits the coast.  Run! ...\n- 42\r\n\n Plot: a keeper "));
    }

    [Fact]
    public void A_parenthesis_left_open_holds_sentences_together_only_to_the_end_of_its_line()
    {
        Assert.Equal(["Alien (1979. Space horror. Tense.", "Next line.", "Ends."], PromptSentences.Of("Alien (1979. Space horror. Tense.\nNext line. Ends."));
    }
}
