namespace LlmErs.Generators.Templates;

/// <summary>
/// The defaults of a fresh Scriban <c>TemplateContext</c> (as <c>Template.Render(model)</c> creates it) that rendering
/// depends on. Generated code bakes them in, so a prompt renders as Scriban renders it, limits included.
/// </summary>
internal static class ScribanDefaults
{
    /// <summary><c>LoopLimit</c>: iterations allowed in one outermost loop scope, nested loops and joins included.</summary>
    public const int LoopLimit = 1000;

    /// <summary>
    /// <c>LimitToString</c>: a value converted to text at this length or more is cut to it and gets "..."; a join may not
    /// grow past it; and, as the default <c>OutputLimit</c>, the whole output is cut to it followed by "...".
    /// </summary>
    public const int LimitToString = 1048576;

    public const string Ellipsis = "...";

    public static readonly string LoopLimitMessage = $"Exceeding number of iteration limit `{LoopLimit}` for loop statement.";

    public static readonly string InternalLoopLimitMessage = $"Exceeding number of iteration limit `{LoopLimit}` for internal iteration.";

    public static readonly string JoinLimitMessage = $"Joined string exceeds LimitToString `{LimitToString}`.";

    public static string NullMemberMessage(string path) => $"Cannot get the member {path} for a null object.";
}
