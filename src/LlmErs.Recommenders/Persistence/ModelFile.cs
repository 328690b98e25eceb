using System.Buffers.Binary;
using System.Runtime.InteropServices;
using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// Saves and loads a model's parameters as matrices of <c>dimension</c> columns, in the same checksummed, atomically
/// written container as the vector store (<see cref="PayloadHeader"/>). All numbers are little-endian.
/// <code>
/// header (128 bytes)
///   0  magic "LLMERSMD"        8  format version      12  model kind (1 factor, 2 two-tower)
///   16 dimension               20 section count       24..39 four shape integers (sequential: blocks, heads,
///                                                      maximum length, feature columns; 0 for other kinds)
///   40 file length (64-bit)    48 XxHash128 of every byte after the header (16 bytes)   64..127 reserved (0)
/// payload, per section: row count (32-bit), then rows × dimension float32, row-major
///   factor:    user vectors, item vectors
///   two-tower: user vectors, item vectors, item feature projection W, projected item features Wᵀf, user feature projection W_g
///   sequential: user vectors, item vectors, every parameter (SequentialLayout's flat order)
/// </code>
/// </summary>
internal static unsafe class ModelFile
{
    public const int Version = 1;
    private const int ShapeOffset = 24;

    /// <summary>The number of shape integers the header holds.</summary>
    public const int ShapeLength = 4;

    // A section is copied out of the mapped file through one span.
    private const long MaxSectionBytes = int.MaxValue;

    private static readonly PayloadFormat Format = new(
        "model file", "LLMERSMD"u8.ToArray(), Version, "Train and save the model again, load it with the library version that wrote it, or restore it from a copy.");

    /// <summary>Writes the sections, each <paramref name="dimension"/> columns wide, replacing <paramref name="path"/> once complete.</summary>
    public static void Save(string path, ModelKind kind, int dimension, params ReadOnlySpan<float[]> sections) =>
        Save(path, kind, dimension, [], sections);

    /// <summary>Writes the sections with up to <see cref="ShapeLength"/> shape integers in the header.</summary>
    public static void Save(string path, ModelKind kind, int dimension, ReadOnlySpan<int> shape, params ReadOnlySpan<float[]> sections)
    {
        if (shape.Length > ShapeLength)
        {
            throw new ArgumentException($"The header holds at most {ShapeLength} shape integers.", nameof(shape));
        }

        ArgumentException.ThrowIfNullOrEmpty(path);
        using var writer = new PayloadWriter(path, PayloadHeader.Size);
        foreach (var section in sections)
        {
            if ((long)section.Length * sizeof(float) > MaxSectionBytes)
            {
                throw new NotSupportedException($"A model section of {section.Length} values exceeds the file format's 2 GiB per section; lower the dimension.");
            }

            writer.WriteInt32(section.Length / dimension);
            writer.Write(MemoryMarshal.AsBytes(section.AsSpan()));
        }

        var header = PayloadHeader.Create(Format);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), (int)kind);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), dimension);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(20), sections.Length);
        for (var i = 0; i < shape.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(ShapeOffset + (i * sizeof(int))), shape[i]);
        }

        PayloadHeader.Commit(writer, header);
    }

    /// <summary>Reads a file written by <see cref="Save(string, ModelKind, int, ReadOnlySpan{float[]})"/> for a model of <paramref name="kind"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is damaged, truncated, of another kind or of another format version.</exception>
    public static (int Dimension, float[][] Sections) Load(string path, ModelKind kind)
    {
        var (dimension, sections, _) = LoadWithShape(path, kind);
        return (dimension, sections);
    }

    /// <summary>Reads a file written by <see cref="Save(string, ModelKind, int, ReadOnlySpan{int}, ReadOnlySpan{float[]})"/>, with its shape integers.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is damaged, truncated, of another kind or of another format version.</exception>
    public static (int Dimension, float[][] Sections, int[] Shape) LoadWithShape(string path, ModelKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = MappedFile.Open(path);
        var header = PayloadHeader.Read(file, Format, verifyChecksum: true);
        var actual = (ModelKind)BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        if (actual != kind)
        {
            throw new InvalidDataException(
                $"The model file '{file.Path}' holds {Describe(actual)}, not {Describe(kind)}; load it with {LoaderOf(actual)}.");
        }

        var dimension = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
        var sectionCount = BinaryPrimitives.ReadInt32LittleEndian(header[20..]);
        if (dimension < 1 || sectionCount != SectionCount(kind))
        {
            throw file.Corrupted($"its header gives dimension {dimension} and {sectionCount} sections");
        }

        var sections = new float[sectionCount][];
        long offset = PayloadHeader.Size;
        for (var s = 0; s < sectionCount; s++)
        {
            var rows = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(offset, sizeof(int)));
            var bytes = (long)rows * dimension * sizeof(float);
            if (rows < 0 || bytes > MaxSectionBytes)
            {
                throw file.Corrupted($"section {s} claims {rows} rows of {dimension} values");
            }

            sections[s] = MemoryMarshal.Cast<byte, float>(file.Slice(offset + sizeof(int), bytes)).ToArray();
            offset += sizeof(int) + bytes;
        }

        if (offset != file.Length)
        {
            throw file.Corrupted($"its sections end at byte {offset}, not at its end ({file.Length})");
        }

        var shape = new int[ShapeLength];
        for (var i = 0; i < shape.Length; i++)
        {
            shape[i] = BinaryPrimitives.ReadInt32LittleEndian(header[(ShapeOffset + (i * sizeof(int)))..]);
        }

        return (dimension, sections, shape);
    }

    private static int SectionCount(ModelKind kind) => kind switch
    {
        ModelKind.TwoTower => 5,
        ModelKind.Sequential => 3,
        _ => 2,
    };

    private static string Describe(ModelKind kind) => kind switch
    {
        ModelKind.Factor => "a factor model (BPR)",
        ModelKind.TwoTower => "a two-tower model",
        ModelKind.Sequential => "a sequential model",
        _ => $"an unknown model kind ({(int)kind})",
    };

    private static string LoaderOf(ModelKind kind) => kind switch
    {
        ModelKind.Factor => "FactorModel.Load",
        ModelKind.TwoTower => "TwoTowerModel.Load",
        ModelKind.Sequential => "SequentialModel.Load",
        _ => "the library version that wrote it",
    };
}
