namespace LlmErs.Recommenders;

/// <summary>Options of <see cref="TwoTower"/> training: the BPR options plus those of the feature towers.</summary>
public sealed class TwoTowerOptions : BprOptions
{
    /// <summary>
    /// The probability that a batch leaves an item's ID vector out, scoring it from its features alone. It makes the
    /// feature projection carry the signal by itself, which is all an item unseen in training has. Default 0.2.
    /// </summary>
    public float IdDropout { get; init; } = 0.2f;

    internal override void Validate(int itemCount)
    {
        base.Validate(itemCount);
        if (!(IdDropout is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(IdDropout), IdDropout, "The ID dropout is a probability, from 0 to 1.");
        }
    }
}
