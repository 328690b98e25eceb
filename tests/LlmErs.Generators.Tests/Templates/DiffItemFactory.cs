namespace LlmErs.Generators.Tests.Templates;

/// <summary>Random <see cref="DiffMovie"/>s leaning on the edges: nulls, empties, unicode, extreme numbers, limits.</summary>
internal sealed class DiffItemFactory(int seed)
{
    private static readonly string[] Texts =
    [
        "", " ", "Alien", "alien", "m", "Drama", "true", "1999", "1.5", "A", "héllo wörld", "e\u0301", "😀 rocket 🚀",
        "\ud83d\ude00", "  padded\t\n", "line one\nline two\n", "\r\nwindows\r\nlines", "\n\n", "tab\tbed", "{{ not code }}",
        "ÇA VA? ça va", "İstanbul ıi", "ß straße", "\u0000nul", "quote \" and \\ backslash", "zzz", "Ωmega",
        "A long overview that goes on and on, well past any truncation length a template would ask for.",
    ];

    private static readonly double[] Doubles =
    [
        0, -0.0, 1, 1.5, -2.5, 0.1 + 0.2, 1d / 3, 1e20, 1e-7, 123456789.125, double.NaN, double.PositiveInfinity,
        double.NegativeInfinity, double.MaxValue, double.MinValue, double.Epsilon, 2.5, 5, 1999.5,
    ];

    private static readonly float[] Floats = [0, -0f, 1, 1.5f, 0.1f, 1f / 3, 3.4e38f, float.NaN, float.Epsilon, -7.25f];

    private static readonly decimal[] Decimals =
        [0m, 1.50m, -0.0001m, 10m, 1.1m, 79228162514264337593543950335m, -3.000m, 0.1m, 1234567.890m];

    private readonly Random _random = new(seed);

    public DiffMovie Next()
    {
        var movie = new DiffMovie
        {
            Title = Text(),
            Overview = Maybe(Text),
            Tagline = Maybe(Text),
            Multiline = string.Join("\n", Many(3, Text)),
            Huge = _random.Next(40) == 0 ? Huge() : null,
            HugeParts = _random.Next(40) == 0 ? [Huge()] : ["x", "y"],
            BaseNote = Maybe(Text),
            Grade = Pick("Am\u00e9z😀".ToCharArray()),
            Mark = Maybe(() => Pick("AB\n ".ToCharArray())),
            Flag = Bool(),
            @checked = Bool(),
            MaybeFlag = Maybe(Bool),
            I8 = (sbyte)Pick<int>([sbyte.MinValue, -3, -4, 0, 5, sbyte.MaxValue]),
            U8 = (byte)Pick<int>([0, 1, 254, 255]),
            I16 = (short)Pick<int>([short.MinValue, -1, 0, 7, short.MaxValue]),
            U16 = (ushort)Pick<int>([0, 1, ushort.MaxValue]),
            Year = Pick<int>([int.MinValue, -1, 0, 1999, 2000, 2001, 2024, int.MaxValue]),
            U32 = Pick<uint>([0u, 6u, 7u, 8u, uint.MaxValue]),
            I64 = Pick<long>([long.MinValue, -1L, 0L, 2147483647L, 2147483648L, 2147483649L, long.MaxValue]),
            U64 = Pick<ulong>([0UL, 1UL, ulong.MaxValue]),
            F32 = Pick(Floats),
            Score = Pick(Doubles),
            Price = Pick(Decimals),
            Rank = Maybe(() => Pick<int>([1, 2, 3, 4])),
            Rating = Maybe(() => Pick(Doubles)),
            Genre = Pick(Enum.GetValues<DiffGenre>()),
            MaybeGenre = Maybe(() => Pick(Enum.GetValues<DiffGenre>())),
            Tags = (DiffTags)_random.Next(5),
            Genres = Many(6, Text),
            Keywords = Maybe(() => Many(4, () => Maybe(Text)).ToArray()),
            Counts = Maybe(() => Many(6, () => _random.Next(-5, 100))),
            Ratings = Many(4, () => Maybe(() => Pick(Doubles))),
            GenreList = Many(3, () => Pick(Enum.GetValues<DiffGenre>())),
            TagSet = [.. Many(4, Text)],
            BigList = Enumerable.Range(0, Pick<int>([0, 3, 998, 1000, 1001, 1500])).ToList(),
            Matrix = Many(3, () => Many(3, Text)),
            Director = Maybe(Person),
            Cast = Many(4, () => Maybe(Person)),
            Location = Point(),
            MaybeLocation = Maybe(Point),
            Points = [.. Many(3, Point)],
        };
        return movie;
    }

    private DiffPerson Person() => new()
    {
        Name = Maybe(Text),
        Age = _random.Next(-1, 90),
        Mentor = _random.Next(3) == 0 ? new DiffPerson { Name = Maybe(Text), Age = 70 } : null,
        Aliases = Maybe(() => Many(3, Text)),
    };

    private DiffPoint Point() => new() { X = Pick(Doubles), Y = Pick(Doubles) };

    private string Text() => Pick(Texts);

    // Around Scriban's 1 MiB limits, with a surrogate pair where the 1 MiB cut falls for the longest.
    private string Huge() => new string('h', Pick<int>([1048573, 1048574, 1048575])) + "😀";

    private bool Bool() => _random.Next(2) == 0;

    private T? Maybe<T>(Func<T> value) where T : class => _random.Next(4) == 0 ? null : value();

    private T? Maybe<T>(Func<T> value, int _ = 0) where T : struct => _random.Next(4) == 0 ? null : value();

    private List<T> Many<T>(int max, Func<T> item)
    {
        // Mostly short, sometimes empty.
        var count = _random.Next(5) == 0 ? 0 : _random.Next(1, max + 1);
        return Enumerable.Range(0, count).Select(_ => item()).ToList();
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];
}
