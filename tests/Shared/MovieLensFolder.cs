namespace LlmErs.Tests;

/// <summary>
/// Finds the shared ml-latest-small copy: <c>../shared/data/movielens-latest-small</c> next to the repository root (the
/// folder holding LlmErs.sln, found walking up from the test binaries). The data is never copied into the repository.
/// </summary>
public static class MovieLensFolder
{
    private static readonly Lazy<string?> Located = new(Locate);

    /// <summary>The folder, or null when it is not there.</summary>
    public static string? Path => Located.Value;

    private static string? Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "LlmErs.sln")))
            {
                var data = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "data", "movielens-latest-small"));
                return File.Exists(System.IO.Path.Combine(data, "ratings.csv")) ? data : null;
            }
        }

        return null;
    }
}
