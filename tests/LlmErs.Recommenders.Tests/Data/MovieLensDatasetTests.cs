using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Data;

public sealed class MovieLensDatasetTests
{
    [Fact]
    public void ReadMovies_ParsesQuotedTitlesYearsAndGenres()
    {
        const string Text = "movieId,title,genres\n" +
            "11,\"American President, The (1995)\",Comedy|Drama|Romance\n" +
            "7789,\"11'09\"\"01 - September 11 (2002)\",Drama\n" +
            "27008,From Dusk Till Dawn 2: Texas Blood Money (1999) ,Comedy|Crime\n" +
            "40697,Babylon 5,Sci-Fi\n" +
            "171749,Death Note: Desu nôto (2006–2007),(no genres listed)\n";

        var movies = MovieLensDataset.ReadMovies(new StringReader(Text), "movies.csv");

        Assert.Equal(("11", "American President, The", (int?)1995), (movies[0].Id, movies[0].Title, movies[0].Year));
        Assert.Equal(["Comedy", "Drama", "Romance"], movies[0].Genres);
        Assert.Equal(("11'09\"01 - September 11", 2002), (movies[1].Title, movies[1].Year));
        Assert.Equal(("From Dusk Till Dawn 2: Texas Blood Money", 1999), (movies[2].Title, movies[2].Year));
        Assert.Equal(("Babylon 5", (int?)null), (movies[3].Title, movies[3].Year));
        Assert.Equal(("Death Note: Desu nôto", 2006), (movies[4].Title, movies[4].Year));
        Assert.Empty(movies[4].Genres);
    }

    [Fact]
    public void ReadMovies_MalformedLine_IsReportedWithItsLine()
    {
        var error = Assert.Throws<DataFormatException>(() =>
            MovieLensDataset.ReadMovies(new StringReader("movieId,title,genres\n1,Toy Story (1995),Comedy\n2,\"Jumanji\" (1995),Fantasy\n"), "movies.csv"));

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("after the closing quote", error.Message);
    }

    [Fact]
    public void ReadTrainingTags_KeepsOnlyTagsOfTrainingPairs()
    {
        // u1 rated m1, m2, m3 in this order: leave-one-out puts m3 in test and m2 in validation.
        var log = Logs.Parse("u1 m1 1", "u1 m2 2", "u1 m3 3", "u2 m3 1");
        var split = LeaveOneOutSplitter.Split(log);
        const string Tags = "userId,movieId,tag,timestamp\n" +
            "u1,m1,funny,1\nu1,m1,Funny,1\nu1,m1,\"dark, witty\",1\nu2,m1,not rated by u2,1\n" +
            "u1,m2,validation leak,1\nu1,m3,test leak,1\nu2,m3,quiet,1\nu3,m1,unknown user,1\n";

        var tags = MovieLensDataset.ReadTrainingTags(new StringReader(Tags), "tags.csv", split.Train);

        Assert.Equal(["m1", "m3"], tags.Keys.Order());
        Assert.Equal(["funny", "dark, witty"], tags["m1"]);
        Assert.Equal(["quiet"], tags["m3"]);
    }

    [MovieLensFact]
    public void Load_ReadsTheSharedCopy()
    {
        var data = MovieLensDataset.Load(MovieLensFolder.Path!);

        Assert.Equal(100_836, data.Ratings.Count);
        Assert.Equal(610, data.Ratings.UserCount);
        Assert.Equal(9_724, data.Ratings.ItemCount);
        Assert.Equal(9_742, data.Movies.Count);
        Assert.Equal(data.Ratings.Count, data.Ratings.Deduplicate().Count);
        Assert.Equal(("Toy Story", 1995), (data.Movies[0].Title, data.Movies[0].Year));

        var split = LeaveOneOutSplitter.Split(data.Ratings);
        var tags = data.LoadTrainingTags(split.Train);
        Assert.Equal(610, split.Test.Count);
        Assert.NotEmpty(tags);
        Assert.All(tags.Keys, movie => Assert.True(split.ItemIds.TryGetIndex(movie, out _)));
    }
}
