namespace LlmErs.Recommenders;

/// <summary>A relevant candidate while <see cref="RelevantRanker"/> sorts them: its score, tie key and index among the relevant.</summary>
internal readonly record struct RankedRelevant(float Score, int TieKey, int Index);
