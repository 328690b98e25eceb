using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace LlmErs.Local;

/// <summary>
/// The two ONNX models of the Microsoft.ML.DnnImageFeaturizer.ResNet18 package, run back to back: the preprocessing
/// model (ImageNet mean subtraction) and ResNet18 up to its global average pool, 512 values per image.
/// </summary>
internal sealed class ResNet18Session : IDisposable
{
    public const string PreprocessFile = "ResNetPrepOnnx/ResNetPreprocess.onnx";
    public const string ModelFile = "ResNet18Onnx/ResNet18.onnx";
    public const int Dimensions = 512;

    private readonly InferenceSession _preprocess;
    private readonly InferenceSession _model;
    private readonly string _preprocessInput;
    private readonly string _modelInput;

    public ResNet18Session(string directory)
    {
        var preprocessPath = Path.Combine(directory, PreprocessFile);
        var modelPath = Path.Combine(directory, ModelFile);
        foreach (var path in new[] { preprocessPath, modelPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The ResNet18 model file '{path}' does not exist. Reference LlmErs.Local from the application (its build copies the " +
                    "Microsoft.ML.DnnImageFeaturizer.ResNet18 models into DnnImageModels), or set ResNet18ImageEmbeddingGeneratorOptions.ModelDirectory " +
                    "to a folder holding that package's tools/DnnImageModels.", path);
            }
        }

        // One thread per run: images are embedded in parallel, one per thread, which scales better on few cores.
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _preprocess = new InferenceSession(preprocessPath, options);
        try
        {
            _model = new InferenceSession(modelPath, options);
        }
        catch
        {
            _preprocess.Dispose();
            throw;
        }

        _preprocessInput = _preprocess.InputMetadata.Keys.Single();
        _modelInput = _model.InputMetadata.Keys.Single();
    }

    /// <summary>The 512 pooled features of one image laid out by <see cref="ResNetPixels"/>.</summary>
    public float[] Embed(float[] pixels)
    {
        var shape = new[] { 1, 3, ResNetPixels.Side, ResNetPixels.Side };
        using var prepared = _preprocess.Run([NamedOnnxValue.CreateFromTensor(_preprocessInput, new DenseTensor<float>(pixels, shape))]);
        var normalized = prepared[0].AsTensor<float>();
        using var pooled = _model.Run([NamedOnnxValue.CreateFromTensor(_modelInput, normalized)]);
        var features = pooled[0].AsEnumerable<float>().ToArray();
        if (features.Length != Dimensions)
        {
            throw new InvalidOperationException($"The ResNet18 model returned {features.Length} values per image, not {Dimensions}; the model file is not the one this generator expects.");
        }

        return features;
    }

    public void Dispose()
    {
        _preprocess.Dispose();
        _model.Dispose();
    }
}
