namespace LlmErs.Local;

/// <summary>Options of <see cref="ResNet18ImageEmbeddingGenerator"/>.</summary>
public sealed class ResNet18ImageEmbeddingGeneratorOptions
{
    /// <summary>
    /// The folder holding <c>ResNetPrepOnnx/ResNetPreprocess.onnx</c> and <c>ResNet18Onnx/ResNet18.onnx</c>, as the
    /// Microsoft.ML.DnnImageFeaturizer.ResNet18 package lays them out. Default: <c>DnnImageModels</c> beside the
    /// application, where a build that references LlmErs.Local copies them.
    /// </summary>
    public string? ModelDirectory { get; set; }

    /// <summary>How many images are decoded and embedded at once; default the processor count.</summary>
    public int? Threads { get; set; }

    /// <summary>The largest encoded image accepted, in bytes; a larger one is rejected naming it. Default 20 MiB.</summary>
    public long MaxImageBytes { get; set; } = 20L * 1024 * 1024;
}
