namespace LlmErs;

/// <summary>Which row of a catalog stands for an item whose <see cref="ItemKeyAttribute"/> key appears on several rows.</summary>
public enum DuplicateKeyPolicy
{
    /// <summary>The first row; the later ones are reported and dropped.</summary>
    KeepFirst,
    /// <summary>The last row (a catalog appended to over time); the earlier ones are reported and dropped.</summary>
    KeepLast,
    /// <summary>
    /// One item from all rows: each member takes its value from the first row where it is present and not null, so a
    /// row that lacks a brand borrows it from a duplicate that has one. Conflicting values are reported.
    /// </summary>
    MergeNonNull,
}
