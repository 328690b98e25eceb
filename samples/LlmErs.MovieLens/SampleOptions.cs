namespace LlmErs.MovieLens;

/// <summary>The command line: <c>[--data DIR] [--out DIR] [--tags]</c>.</summary>
internal sealed record SampleOptions(string DataDirectory, string OutputDirectory, bool UseTags)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project samples/LlmErs.MovieLens -- [--data DIR] [--out DIR] [--tags]

          --data DIR  the ml-latest-small folder (ratings.csv, movies.csv); default: ../shared/data/movielens-latest-small next to the repository
          --out DIR   where results.md, results.json, ndcg-by-popularity.svg and the embedding cache go; default: out/movielens
          --tags      add a block of user tags (tags.csv), built from training interactions only; off by default because
                      tags are written by the users whose ratings are tested
        """;

    /// <summary>Parses the arguments; null after printing the usage (for --help or a mistake).</summary>
    public static SampleOptions? Parse(string[] args)
    {
        var repository = RepositoryRoot();
        var data = Path.Combine(repository, "..", "shared", "data", "movielens-latest-small");
        var output = Path.Combine(repository, "out", "movielens");
        var tags = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Length:
                    data = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--tags":
                    tags = true;
                    break;
                default:
                    Console.Error.WriteLine(args[i] is "--help" or "-h" ? Usage : $"Unknown or incomplete argument '{args[i]}'.\n\n{Usage}");
                    return null;
            }
        }

        return new SampleOptions(Path.GetFullPath(data), Path.GetFullPath(output), tags);
    }

    /// <summary>The folder holding LlmErs.sln, found walking up from the program; the working folder when there is none.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LlmErs.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
