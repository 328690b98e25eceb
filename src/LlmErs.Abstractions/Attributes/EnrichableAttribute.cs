namespace LlmErs;

/// <summary>
/// Marks a <c>partial</c> class or record whose LLM-derived fields the LlmErs generator implements.
/// The type must declare exactly one <see cref="ItemKeyAttribute"/> member.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class EnrichableAttribute : Attribute;
