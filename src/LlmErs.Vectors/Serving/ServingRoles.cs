namespace LlmErs.Vectors;

/// <summary>The roles of a serving folder's files, the keys of <see cref="ServingManifest.Files"/>, and their file names.</summary>
internal static class ServingRoles
{
    public const string Items = "items";
    public const string Users = "users";
    public const string Seen = "seen";
    public const string History = "history";
    public const string UserFeatures = "userFeatures";

    /// <summary>The file name each role is exported to.</summary>
    public static string FileName(string role) => role switch
    {
        Items => "items.vec",
        Users => "users.vec",
        Seen => "seen.bin",
        History => "history.vec",
        UserFeatures => "user-features.vec",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a serving file role."),
    };
}
