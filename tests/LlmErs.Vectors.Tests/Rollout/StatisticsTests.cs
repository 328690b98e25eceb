using LlmErs.Vectors;

namespace LlmErs.Vectors.Tests.Rollout;

/// <summary>Reference values from Newcombe (1998), "Two-sided confidence intervals for the single proportion" and "Interval estimation for the difference between independent proportions".</summary>
public sealed class StatisticsTests
{
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_matches_the_published_intervals(int successes, int trials, double lower, double upper)
    {
        var estimate = ProportionEstimate.Wilson(successes, trials);

        Assert.Equal(lower, estimate.Lower, 4);
        Assert.Equal(upper, estimate.Upper, 4);
    }

    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, -0.1611, 0.2775)]
    public void Newcombe_matches_the_published_intervals(int s1, int n1, int s2, int n2, double lower, double upper)
    {
        var difference = DifferenceEstimate.Newcombe(ProportionEstimate.Wilson(s1, n1), ProportionEstimate.Wilson(s2, n2));

        Assert.Equal(lower, difference.Lower, 4);
        Assert.Equal(upper, difference.Upper, 4);
    }

    [Fact]
    public void An_empty_arm_has_no_rate_and_the_widest_interval()
    {
        var empty = ProportionEstimate.Wilson(0, 0);

        Assert.True(double.IsNaN(empty.Rate));
        Assert.True(double.IsNaN(DifferenceEstimate.Newcombe(empty, ProportionEstimate.Wilson(3, 10)).Difference));
    }

    [Fact]
    public void The_log_reader_skips_a_torn_last_line_and_rejects_damage_earlier()
    {
        using var directory = new TempDirectory();
        var path = directory.File("log.jsonl");
        using (var writer = new ExposureLogWriter(path))
        {
            writer.Append(new ExposureRecord("r1", DateTimeOffset.UnixEpoch, "u", "control", ["a", "b"]));
            writer.Append(new FeedbackRecord("r1", DateTimeOffset.UnixEpoch, "b", FeedbackKind.Conversion));
        }

        File.AppendAllText(path, "{\"type\":\"exposure\",\"requ");
        var log = ExposureLogReader.Read(path);
        Assert.Single(log.Exposures);
        Assert.Equal(FeedbackKind.Conversion, Assert.Single(log.Feedback).Kind);

        File.AppendAllText(path, "\n{}\n");
        var error = Assert.Throws<InvalidDataException>(() => ExposureLogReader.Read(path));
        Assert.Contains("Line 3", error.Message);
    }

    [Fact]
    public void A_response_is_one_trial_and_feedback_on_items_not_shown_is_unmatched()
    {
        var t = DateTimeOffset.UnixEpoch;
        var log = new ExposureLog(
            [
                new ExposureRecord("r1", t, "u1", "control", ["a", "b"]),
                new ExposureRecord("r2", t, "u2", "control", ["a"]),
                new ExposureRecord("r3", t, "u3", "treatment", ["c"]),
            ],
            [
                new FeedbackRecord("r1", t, "a", FeedbackKind.Click),
                new FeedbackRecord("r1", t, "b", FeedbackKind.Click),
                new FeedbackRecord("r3", t, "c", FeedbackKind.Conversion),
                new FeedbackRecord("r2", t, "z", FeedbackKind.Click),
                new FeedbackRecord("r9", t, "a", FeedbackKind.Click),
            ]);

        var report = RolloutStatistics.Compute(log);

        Assert.Equal(2, report.UnmatchedFeedback);
        Assert.Equal((1, 2), (report["control"].ClickThroughRate.Successes, report["control"].ClickThroughRate.Trials));
        Assert.Equal((0, 1), (report["control"].ConversionRate.Successes, report["control"].ConversionRate.Trials));
        Assert.Equal((1, 1), (report["treatment"].ClickThroughRate.Successes, report["treatment"].ClickThroughRate.Trials));
        Assert.Equal((1, 1), (report["treatment"].ConversionRate.Successes, report["treatment"].ConversionRate.Trials));
        Assert.Equal(0.5, report.Compare("treatment", "control").ClickThroughRate.Difference);
        Assert.Equal(0, report["absent"].Exposures);
    }

    [Fact]
    public void A_large_log_is_reported_from_the_file_read_line_by_line()
    {
        // 200,000 responses (about 30 MB): every 10th (all in control) clicked on a shown item, every 40th converted, every 100th also
        // clicked on an item it did not show.
        const int Responses = 200_000;
        using var directory = new TempDirectory();
        var path = directory.File("large.jsonl");
        var t = DateTimeOffset.UnixEpoch;
        using (var writer = new ExposureLogWriter(path))
        {
            for (var i = 0; i < Responses; i++)
            {
                var id = $"r{i}";
                writer.Append(new ExposureRecord(id, t, $"u{i}", i % 2 == 0 ? "control" : "treatment", [$"m{i % 97}", "shown"]));
                if (i % 10 == 0)
                {
                    writer.Append(new FeedbackRecord(id, t, "shown", i % 40 == 0 ? FeedbackKind.Conversion : FeedbackKind.Click));
                }

                if (i % 100 == 0)
                {
                    writer.Append(new FeedbackRecord(id, t, "not-shown", FeedbackKind.Click));
                }
            }
        }

        var report = RolloutStatistics.Compute(path);

        Assert.Equal(Responses / 100, report.UnmatchedFeedback);
        foreach (var arm in new[] { "control", "treatment" })
        {
            var expected = arm == "control" ? (Clicks: Responses / 10, Conversions: Responses / 40) : (Clicks: 0, Conversions: 0);
            Assert.Equal(Responses / 2, report[arm].Exposures);
            Assert.Equal(expected.Clicks, report[arm].ClickThroughRate.Successes);
            Assert.Equal(expected.Conversions, report[arm].ConversionRate.Successes);
        }

        Assert.Equal(report, RolloutStatistics.Compute(ExposureLogReader.Read(path)), new ReportComparer());

        // Read as enumerated, not loaded first: a line appended after the first record was read is still seen.
        using var exposures = ExposureLogReader.ReadExposures(path).GetEnumerator();
        Assert.True(exposures.MoveNext());
        Assert.Equal("r0", exposures.Current.RequestId);
        using (var writer = new ExposureLogWriter(path))
        {
            writer.Append(new ExposureRecord("late", t, "u", "control", ["x"]));
        }

        var last = exposures.Current;
        var count = 1;
        while (exposures.MoveNext())
        {
            last = exposures.Current;
            count++;
        }

        Assert.Equal(Responses + 1, count);
        Assert.Equal("late", last.RequestId);
    }

    /// <summary>Reports are equal when their arms and unmatched counts are (the arms list is compared by value).</summary>
    private sealed class ReportComparer : IEqualityComparer<RolloutReport>
    {
        public bool Equals(RolloutReport? x, RolloutReport? y) =>
            x is not null && y is not null && x.UnmatchedFeedback == y.UnmatchedFeedback && x.Arms.SequenceEqual(y.Arms);

        public int GetHashCode(RolloutReport obj) => obj.UnmatchedFeedback.GetHashCode();
    }
}
