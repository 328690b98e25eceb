namespace LlmErs;

/// <summary>
/// A scorer term: <see cref="Weight"/> × a numeric or boolean member of the item (true = 1, false and null = 0).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = true)]
public sealed class FeatureWeightAttribute(string itemMember, double weight) : Attribute
{
    /// <summary>The item's member: a bool, an integer, float, double or decimal, or a nullable one.</summary>
    public string ItemMember { get; } = itemMember;

    /// <summary>The term's weight.</summary>
    public double Weight { get; } = weight;
}
