namespace LlmErs;

/// <summary>What the catalog loader does with a row it cannot read (not UTF-8, not JSON, no key, a value of the wrong type).</summary>
public enum InvalidRowPolicy
{
    /// <summary>Throw a <see cref="CatalogFormatException"/> naming the file, the line and the problem.</summary>
    Fail,
    /// <summary>Skip the row and list it, with its line and problem, in <see cref="CatalogLoadReport.SkippedRows"/>.</summary>
    Skip,
}
