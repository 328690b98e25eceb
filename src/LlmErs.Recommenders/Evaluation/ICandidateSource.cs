namespace LlmErs.Recommenders;

/// <summary>Decides which items a user's relevant items are ranked among, and scores them.</summary>
internal interface ICandidateSource
{
    /// <summary>A sentence for <see cref="EvaluationResult.Description"/>: what the relevant items are ranked among.</summary>
    string Description { get; }

    /// <summary>
    /// Scores <paramref name="user"/>'s candidates in ascending item order, the relevant items always among them, and
    /// writes each relevant item's candidate position to <paramref name="relevantPositions"/>.
    /// </summary>
    /// <param name="scorer">The model.</param>
    /// <param name="user">The user.</param>
    /// <param name="relevant">The user's relevant items, ascending.</param>
    /// <param name="relevantPositions">Receives the candidate position of each relevant item.</param>
    /// <param name="workspace">This thread's buffers.</param>
    /// <param name="tieKeys">Receives the candidates' tie keys (a slice of the workspace).</param>
    /// <returns>The candidates' scores (a slice of the workspace).</returns>
    ReadOnlySpan<float> Score(IItemScorer scorer, int user, ReadOnlySpan<int> relevant, Span<int> relevantPositions, EvaluationWorkspace workspace, out ReadOnlySpan<int> tieKeys);
}
