using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// Opens data files as UTF-8 lines through the shared floor (<see cref="DataFile"/>): gzip is detected by its first
/// bytes, not the name; a line that is not UTF-8 fails with its number.
/// </summary>
internal static class DataFiles
{
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static TextReader OpenText(string path) =>
        DataFile.OpenLines(path, (line, problem) => new DataFormatException(path, line, null, problem));

    /// <summary>Opens <paramref name="path"/> as CSV whose errors are <see cref="DataFormatException"/>s.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static CsvReader OpenCsv(string path, char delimiter = ',') => Csv(OpenText(path), path, delimiter);

    /// <summary>Reads CSV from <paramref name="reader"/>; errors are <see cref="DataFormatException"/>s naming <paramref name="sourceName"/>.</summary>
    public static CsvReader Csv(TextReader reader, string sourceName, char delimiter = ',') =>
        new(reader, sourceName, delimiter, (line, column, problem) => new DataFormatException(sourceName, line, column, problem));
}
