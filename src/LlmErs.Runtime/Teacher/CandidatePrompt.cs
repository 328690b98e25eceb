using System.Text;

namespace LlmErs;

/// <summary>The user message of a request over candidates: the history, then each candidate as "key: text", item data inside delimiter tags.</summary>
internal static class CandidatePrompt
{
    public static string Write(TeacherRequest request, string answerFormat)
    {
        var text = new StringBuilder("The user's history, oldest first:\n");
        foreach (var entry in request.History)
        {
            text.Append("- ").Append(PromptHygiene.OpenTag).Append(entry).Append(PromptHygiene.CloseTag).Append('\n');
        }

        text.Append("\nCandidates (key: item):\n");
        foreach (var candidate in request.Candidates)
        {
            text.Append("- ").Append(candidate.Key).Append(": ").Append(PromptHygiene.OpenTag).Append(candidate.Text).Append(PromptHygiene.CloseTag).Append('\n');
        }

        text.Append('\n').Append(answerFormat);
        return text.ToString();
    }
}
