using System.Security.Cryptography;

namespace LlmErs;

/// <summary>A file a pipeline run wrote, as the run manifest lists it.</summary>
/// <param name="Path">The path, relative to the output directory when inside it, with '/' separators.</param>
/// <param name="Kind">What the file holds: <c>features</c>, <c>triples</c>, <c>vectors</c>, <c>report</c>….</param>
/// <param name="Bytes">The file's size.</param>
/// <param name="Sha256">The SHA-256 of the file's bytes, in lower-case hexadecimal.</param>
public sealed record OutputFile(string Path, string Kind, long Bytes, string Sha256)
{
    /// <summary>Describes the file at <paramref name="path"/>, which must be complete.</summary>
    internal static async Task<OutputFile> DescribeAsync(string path, string kind, string outputDirectory, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: true);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        var relative = System.IO.Path.GetRelativePath(outputDirectory, path);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? System.IO.Path.GetFullPath(path) : relative;
        return new OutputFile(shown.Replace('\\', '/'), kind, stream.Length, Convert.ToHexStringLower(hash));
    }
}
