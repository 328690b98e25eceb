namespace LlmErs.Recommenders;

/// <summary>What the forward pass of one self-attention block keeps for the backward pass, one row per batch row.</summary>
internal sealed class BlockActivations(int values, int rows, int attentionValues)
{
    /// <summary>The residual stream entering the block.</summary>
    public float[] Input { get; } = new float[values];

    public float[] AttentionNormalized { get; } = new float[values];

    public float[] AttentionDeviations { get; } = new float[rows];

    /// <summary>LN₁(input): what the queries, keys and values are projected from.</summary>
    public float[] AttentionIn { get; } = new float[values];

    public float[] Queries { get; } = new float[values];

    public float[] Keys { get; } = new float[values];

    public float[] Values { get; } = new float[values];

    /// <summary>The attention weights of every sequence and head.</summary>
    public float[] Probabilities { get; } = new float[attentionValues];

    /// <summary>The attention output before the output projection.</summary>
    public float[] Attended { get; } = new float[values];

    public float[] AttentionMask { get; } = new float[values];

    /// <summary>The residual stream after the attention sublayer.</summary>
    public float[] Middle { get; } = new float[values];

    public float[] FeedForwardNormalized { get; } = new float[values];

    public float[] FeedForwardDeviations { get; } = new float[rows];

    /// <summary>LN₂(middle).</summary>
    public float[] FeedForwardIn { get; } = new float[values];

    public float[] PreActivation { get; } = new float[values];

    /// <summary>ReLU(pre-activation), after dropout.</summary>
    public float[] Activation { get; } = new float[values];

    public float[] HiddenMask { get; } = new float[values];

    public float[] ProjectionMask { get; } = new float[values];
}
