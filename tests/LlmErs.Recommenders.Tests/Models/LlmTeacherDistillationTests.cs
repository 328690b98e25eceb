using LlmErs.Recommenders;
using LlmErs.Recommenders.Tests.Data;
using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Models;

/// <summary>Distillation from an LLM's listwise rankings moves the student the teacher's way.</summary>
public sealed class LlmTeacherDistillationTests
{
    private static readonly UserItemMatrix Feedback = UserItemMatrix.Create(Logs.Random(users: 40, items: 30, perUser: 5, seed: 11));

    [Fact]
    public void ListwiseScores_GoFromOneToZeroByRank_AndAreNaNForItemsNotRanked()
    {
        var teacher = ListwiseTeacherScores.Create(2, 5, [(0, [3, 1, 4])]);
        var scores = new float[5];

        teacher.ScoreItems(0, scores);

        Assert.Equal([float.NaN, 0.5f, float.NaN, 1f, 0f], scores);
        Assert.Equal([3, 1, 4], teacher.CandidatesOf(0).ToArray());
        Assert.True(teacher.CandidatesOf(1).IsEmpty);
        Assert.Throws<ArgumentException>(() => ListwiseTeacherScores.Create(2, 5, [(0, [3, 3])]));
        Assert.Throws<ArgumentException>(() => ListwiseTeacherScores.Create(2, 5, [(2, [1])]));
        Assert.Throws<ArgumentException>(() => ListwiseTeacherScores.Create(2, 5, [(0, [5])]));
    }

    [Fact]
    public void PairwiseDistillation_RanksTheTeachersFirstCandidateAboveItsLast()
    {
        var (user, better, worse) = UnseenPair();
        var teacher = ListwiseTeacherScores.Create(Feedback.UserCount, Feedback.ItemCount, [(user, [better, worse])]);

        var plain = Margin(MatrixFactorization.Train(Feedback, Options(null)).Model, user, better, worse);
        var distilled = Margin(MatrixFactorization.Train(Feedback, Options(new DistillationOptions { Teacher = teacher, Weight = 1, Temperature = 0.1f, PairsPerPositive = 4 })).Model, user, better, worse);

        Assert.True(distilled > 0 && distilled > plain + 0.5, $"s(better) − s(worse): distilled {distilled}, plain {plain}.");
    }

    [Fact]
    public void PointwiseDistillation_RaisesTheFirstCandidate_AndLowersTheLast()
    {
        var (user, better, worse) = UnseenPair();
        var teacher = ListwiseTeacherScores.Create(Feedback.UserCount, Feedback.ItemCount, [(user, [better, worse])]);

        var plain = MatrixFactorization.Train(Feedback, Options(null));
        var distilled = MatrixFactorization.Train(Feedback, Options(new DistillationOptions { Teacher = teacher, Weight = 0, PointwiseWeight = 2, PairsPerPositive = 4 }));

        var (plainScores, distilledScores) = (Scores(plain.Model, user), Scores(distilled.Model, user));
        Assert.True(distilledScores[better] > plainScores[better], $"better: distilled {distilledScores[better]}, plain {plainScores[better]}.");
        Assert.True(distilledScores[worse] < plainScores[worse], $"worse: distilled {distilledScores[worse]}, plain {plainScores[worse]}.");
        Assert.All(distilled.History.Epochs, epoch => Assert.NotNull(epoch.DistillationLoss));
    }

    [Fact]
    public void TwoTower_LearnsTheTeachersOrder_Too()
    {
        var (user, better, worse) = UnseenPair();
        var teacher = ListwiseTeacherScores.Create(Feedback.UserCount, Feedback.ItemCount, [(user, [better, worse])]);
        var random = new Random(4);
        using var features = VectorMatrix.Create([.. Enumerable.Range(0, Feedback.ItemCount * 4).Select(_ => (float)random.NextDouble())], 4);
        TwoTowerOptions TwoTower(DistillationOptions? distillation) => new() { Dimension = 8, Epochs = 20, LearningRate = 0.02f, Seed = 2, MaxDegreeOfParallelism = 1, Distillation = distillation };

        var plain = Margin(LlmErs.Recommenders.TwoTower.Train(Feedback, features, options: TwoTower(null)).Model, user, better, worse);
        var distilled = Margin(LlmErs.Recommenders.TwoTower.Train(Feedback, features, options: TwoTower(new DistillationOptions { Teacher = teacher, Weight = 1, PointwiseWeight = 1, Temperature = 0.1f, PairsPerPositive = 4 })).Model, user, better, worse);

        Assert.True(distilled > plain, $"s(better) − s(worse): distilled {distilled}, plain {plain}.");
    }

    private static BprOptions Options(DistillationOptions? distillation) =>
        new() { Dimension = 8, Epochs = 20, LearningRate = 0.02f, Seed = 2, MaxDegreeOfParallelism = 1, Distillation = distillation };

    /// <summary>A user with the most positives, and two items they never interacted with: the one plain BPR ranks lower is the teacher's favourite.</summary>
    private static (int User, int Better, int Worse) UnseenPair()
    {
        var user = Enumerable.Range(0, Feedback.UserCount).MaxBy(Feedback.CountOf);
        var plain = Scores(MatrixFactorization.Train(Feedback, Options(null)).Model, user);
        var unseen = Enumerable.Range(0, Feedback.ItemCount).Where(item => !Feedback.Contains(user, item)).OrderBy(item => plain[item]).ToArray();
        return (user, unseen[0], unseen[^1]);
    }

    private static float[] Scores(IItemScorer model, int user)
    {
        var scores = new float[model.ItemCount];
        model.ScoreItems(user, scores);
        return scores;
    }

    private static float Margin(IItemScorer model, int user, int better, int worse)
    {
        var scores = Scores(model, user);
        return scores[better] - scores[worse];
    }
}
