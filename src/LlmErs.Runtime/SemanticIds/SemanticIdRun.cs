using LlmErs.Vectors;

namespace LlmErs;

/// <summary>One semantic-ID field's result in a pipeline run: the assignment, how IDs moved, and the state to save for the next run.</summary>
internal sealed record SemanticIdRun(SemanticIdAssignment Assignment, SemanticIdChanges Changes, string CodebookPath, string HistoryPath, byte[] History);
