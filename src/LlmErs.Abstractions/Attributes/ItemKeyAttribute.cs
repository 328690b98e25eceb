namespace LlmErs;

/// <summary>
/// Marks the property that identifies an item (a string, integer or <see cref="Guid"/>).
/// Keys label feature rows and cache entries, so they must be stable across runs.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class ItemKeyAttribute : Attribute;
