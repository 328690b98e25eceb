namespace LlmErs.Recommenders;

/// <summary>Opens data files with an error that says where the path was resolved from.</summary>
internal static class DataFiles
{
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static StreamReader OpenText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path)
            ? File.OpenText(path)
            : throw new FileNotFoundException($"The data file '{path}' does not exist; check the path (relative paths are resolved from '{Environment.CurrentDirectory}').", path);
    }
}
