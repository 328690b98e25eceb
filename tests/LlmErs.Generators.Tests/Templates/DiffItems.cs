namespace LlmErs.Generators.Tests.Templates;

// The item types of the differential test. Scriban renders instances of these by reflection, the emitted code reads
// them directly; both must produce the same text. They cover every value shape the template compiler accepts.

public enum DiffGenre
{
    Drama,
    Comedy,
    SciFi,
}

[Flags]
public enum DiffTags
{
    None = 0,
    Classic = 1,
    Indie = 2,
}

public sealed class DiffPerson
{
    public string? Name { get; set; }

    public int Age { get; set; }

    public DiffPerson? Mentor { get; set; }

    public List<string>? Aliases { get; set; }
}

public struct DiffPoint
{
    public double X;
    public double Y;
}

public class DiffBase
{
    public static string Motto { get; set; } = "Static motto";

    public string? BaseNote { get; set; }

    public string Shadowed => "base";
}

public sealed class DiffMovie : DiffBase
{
    public string Title { get; set; } = "";

    public string? Overview { get; set; }

    public string? Tagline { get; set; }

    public string Multiline { get; set; } = "";

    public string? Huge { get; set; }

    public List<string> HugeParts { get; set; } = [];

    public char Grade { get; set; }

    public char? Mark { get; set; }

    public bool Flag { get; set; }

    public bool? MaybeFlag { get; set; }

    public sbyte I8 { get; set; }

    public byte U8 { get; set; }

    public short I16 { get; set; }

    public ushort U16 { get; set; }

    public int Year { get; set; }

    public uint U32 { get; set; }

    public long I64 { get; set; }

    public ulong U64 { get; set; }

    public float F32 { get; set; }

    public double Score { get; set; }

    public decimal Price { get; set; }

    public int? Rank { get; set; }

    public double? Rating { get; set; }

    public DiffGenre Genre { get; set; }

    public DiffGenre? MaybeGenre { get; set; }

    public DiffTags Tags { get; set; }

    public IReadOnlyList<string> Genres { get; set; } = [];

    public string?[]? Keywords { get; set; }

    public List<int>? Counts { get; set; }

    public List<double?> Ratings { get; set; } = [];

    public IEnumerable<DiffGenre> GenreList { get; set; } = [];

    public HashSet<string> TagSet { get; set; } = [];

    public List<int> BigList { get; set; } = [];

    public List<List<string>> Matrix { get; set; } = [];

    public DiffPerson? Director { get; set; }

    public IReadOnlyList<DiffPerson?> Cast { get; set; } = [];

    public DiffPoint Location;

    public DiffPoint? MaybeLocation { get; set; }

    public DiffPoint[] Points { get; set; } = [];

    public bool @checked { get; set; }

    public new string Shadowed => "derived";
}
