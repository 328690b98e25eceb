namespace LlmErs.Recommenders;

/// <summary>
/// An extra training pair: <paramref name="User"/> prefers <paramref name="Preferred"/> to <paramref name="Other"/>
/// (e.g. the candidates an LLM judged the user would most and least enjoy). Indices are those of the split the model
/// trains on (<see cref="DataSplit.UserIds"/>, <see cref="DataSplit.ItemIds"/>).
/// </summary>
/// <param name="User">The user index.</param>
/// <param name="Preferred">The item the user prefers.</param>
/// <param name="Other">The item the user prefers less.</param>
public readonly record struct TrainingPair(int User, int Preferred, int Other);
