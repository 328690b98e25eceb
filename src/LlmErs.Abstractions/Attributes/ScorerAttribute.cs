namespace LlmErs;

/// <summary>
/// Marks a <c>static partial float Name(TQuery query, TItem item)</c> method whose body the generator writes from the
/// method's <see cref="SimilarityAttribute"/> and <see cref="FeatureWeightAttribute"/> terms: SIMD dot products with
/// the vector dimensions as compile-time constants, plus weighted numeric features. No LLM is involved: this is the
/// serving-time score.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ScorerAttribute : Attribute;
