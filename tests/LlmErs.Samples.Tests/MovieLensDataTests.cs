using LlmErs.Recommenders;
using LlmErs.Quickstart;
using LlmErs.Quickstart.MovieLens;

namespace LlmErs.Samples.Tests;

public sealed class MovieLensDataTests
{
    private const string Movies = "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n2,\"American President, The (1995)\",Comedy|Drama|Romance\n";
    private const string Ratings = "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,2,3.5,964982931\n";

    [Fact]
    public void ToMovie_KeepsIdTitleYearAndGenres()
    {
        var movie = MovieLensData.ToMovie(new MovieLensMovie("11", "American President, The", 1995, ["Comedy", "Drama"]));

        Assert.Equal("11", movie.Id);
        Assert.Equal("American President, The", movie.Title);
        Assert.Equal(1995, movie.Year);
        Assert.Equal(["Comedy", "Drama"], movie.Genres);
        Assert.Null(movie.Overview);
        Assert.Null(movie.Pitch);
    }

    [Fact]
    public void Load_ReadsMoviesAndRatings()
    {
        using var folder = Folder(("movies.csv", Movies), ("ratings.csv", Ratings));

        var data = Load(folder.Path);

        Assert.Equal(["1", "2"], data.Movies.Select(movie => movie.Id));
        Assert.Equal("American President, The", data.Movies[1].Title);
        Assert.Equal(2, data.Interactions.Count);
    }

    [Fact]
    public void MissingFolder_SaysWhereToGetTheData()
    {
        using var parent = new TempDirectory();
        var missing = Path.Combine(parent.Path, "ml-latest-small");

        var error = Assert.Throws<SampleException>(() => Load(missing));

        Assert.StartsWith($"The MovieLens folder '{missing}' does not exist. Download ml-latest-small from https://grouplens.org/datasets/movielens/", error.Message);
    }

    [Fact]
    public void MissingFile_IsNamed()
    {
        using var folder = Folder(("movies.csv", Movies));

        var error = Assert.Throws<SampleException>(() => Load(folder.Path));

        Assert.StartsWith($"The MovieLens folder '{folder.Path}' has no ratings.csv. Download ml-latest-small", error.Message);
    }

    [Fact]
    public void ParentFolder_PointsToTheSubfolder()
    {
        using var parent = new TempDirectory();
        var inside = Directory.CreateDirectory(Path.Combine(parent.Path, "ml-latest-small")).FullName;
        File.WriteAllText(Path.Combine(inside, "ratings.csv"), Ratings);

        var error = Assert.Throws<SampleException>(() => Load(parent.Path));

        Assert.Equal($"The MovieLens folder '{parent.Path}' has no ratings.csv and no movies.csv. Its subfolder '{inside}' has the ratings: pass --movielens {inside}.", error.Message);
    }

    [Fact]
    public void Tags_NeedTagsCsv()
    {
        using var folder = Folder(("movies.csv", Movies), ("ratings.csv", Ratings));

        var error = Assert.Throws<SampleException>(() => MovieLensData.Load(folder.Path, useTags: true, ExperimentSettings.Tuned, "", CancellationToken.None));

        Assert.Contains("has no tags.csv, which --tags reads", error.Message);
    }

    [Fact]
    public void MalformedFile_IsReported()
    {
        using var folder = Folder(("movies.csv", "movieId,name\n1,Toy Story\n"), ("ratings.csv", Ratings));

        var error = Assert.Throws<SampleException>(() => Load(folder.Path));

        Assert.Contains("movies.csv", error.Message);
        Assert.IsType<DataFormatException>(error.InnerException);
    }

    [Fact]
    public void RatedMovieMissingFromMoviesCsv_IsNamed()
    {
        using var folder = Folder(("movies.csv", Movies), ("ratings.csv", Ratings + "2,3,5.0,964982931\n"));

        var error = Assert.Throws<SampleException>(() => Load(folder.Path));

        Assert.StartsWith("Movie 3 is rated in ratings.csv but missing from movies.csv", error.Message);
    }

    private static MovieLensData Load(string directory) =>
        MovieLensData.Load(directory, useTags: false, ExperimentSettings.Tuned, "", CancellationToken.None);

    private static TempDirectory Folder(params (string Name, string Text)[] files)
    {
        var folder = new TempDirectory();
        foreach (var (name, text) in files)
        {
            File.WriteAllText(folder.File(name), text);
        }

        return folder;
    }
}
