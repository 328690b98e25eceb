namespace LlmErs.Vectors;

/// <summary>
/// The levels and the codes per level of a semantic-ID codebook. <see cref="ForCatalog"/> sizes one from the number of
/// items, so that few items share all their codes before de-duplication.
/// </summary>
/// <param name="Levels">Quantization levels (1–16).</param>
/// <param name="Codes">Codes per level (2–65,536).</param>
public readonly record struct SemanticIdSize(int Levels, int Codes)
{
    /// <summary>
    /// The levels chosen when none are given: four, one more than TIGER. On MovieLens (9,742 movies) 4 levels of 32
    /// codes leave 7.4% of the items colliding before de-duplication, 3 levels of 128 codes 11.4%: each level's codes
    /// split what the level above left, where more codes on the same three levels mostly split dense clusters finer.
    /// </summary>
    public const int DefaultLevels = 4;

    /// <summary>
    /// How many code tuples the codebook offers per item: the codes per level are the smallest power of two whose
    /// tuples (<c>Codes^Levels</c>) number at least this many times the items. Residual k-means spreads items far less
    /// evenly than chance, so the margin is wide; see the README's semantic-ID section for the collision rates it gives.
    /// </summary>
    public const int TuplesPerItem = 64;

    /// <summary>
    /// The size for a catalog of <paramref name="items"/> items: <paramref name="levels"/> (or <see cref="DefaultLevels"/>)
    /// levels and, unless <paramref name="codes"/> is given, the smallest power of two of codes per level that offers
    /// <see cref="TuplesPerItem"/> tuples per item; never more codes than items, nor fewer than 2, nor more than 65,536.
    /// </summary>
    /// <param name="items">The number of items the codebook is trained on.</param>
    /// <param name="levels">The levels, or 0 to choose them.</param>
    /// <param name="codes">The codes per level, or 0 to choose them.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or a given level count is above 16.</exception>
    public static SemanticIdSize ForCatalog(int items, int levels = 0, int codes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(items);
        ArgumentOutOfRangeException.ThrowIfNegative(levels);
        ArgumentOutOfRangeException.ThrowIfNegative(codes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(levels, 16);
        levels = levels == 0 ? DefaultLevels : levels;
        if (codes == 0)
        {
            var target = (double)items * TuplesPerItem;
            codes = 2;
            while (codes < 65_536 && Math.Pow(codes, levels) < target)
            {
                codes *= 2;
            }
        }

        return new SemanticIdSize(levels, Math.Max(2, Math.Min(codes, items)));
    }
}
