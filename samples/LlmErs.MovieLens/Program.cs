using System.Diagnostics;
using LlmErs.Ablation;
using LlmErs.Data;
using LlmErs.MovieLens;

// The ablation of issue 5 on ml-latest-small: baselines, LLM-enhanced variants and each variant without one feature
// block, on a leave-one-out split by time and on a cold-item split; tables and a chart go to the output folder.
var options = SampleOptions.Parse(args);
if (options is null)
{
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var stopwatch = Stopwatch.StartNew();
var data = MovieLensDataset.Load(options.DataDirectory, cancellation.Token);

// Every rating counts as a positive: the user chose to watch the movie, whatever they thought of it afterwards.
var log = data.Ratings.Deduplicate().ToImplicit();
Console.WriteLine($"MovieLens: {log.Count:N0} interactions of {log.UserCount:N0} users with {log.ItemCount:N0} movies, from {options.DataDirectory}");
using var embeddings = await MovieEmbeddings.LoadOrCreateAsync(data.Movies, options.OutputDirectory, cancellation.Token);

AblationResult Run(string title, DataSplit split, AblationOptions ablation)
{
    Console.WriteLine($"\n{title}: {split.Train.Count:N0} training, {split.Validation.Count:N0} validation, {split.Test.Count:N0} test interactions");
    using var features = MovieFeatures.Create(data, split, embeddings, options.UseTags);
    Console.WriteLine($"  feature blocks: {string.Join(", ", features.Blocks.Select(block => $"{block.Name} ({block.Values.Dimension})"))}");
    return new AblationRunner(ablation).Run(split, features.Blocks, new ConsoleProgress(), cancellation.Token);
}

var leaveOneOut = Run("Leave-one-out by time", LeaveOneOutSplitter.Split(log), ExperimentSettings.LeaveOneOut());
var coldItem = Run("Cold-item split", ColdItemSplitter.Split(log, ExperimentSettings.ColdItemSplit), ExperimentSettings.ColdItem());

var command = $"dotnet run -c Release --project samples/LlmErs.MovieLens{(args.Length == 0 ? "" : $" -- {string.Join(' ', args)}")}";
ResultFiles.Write(options.OutputDirectory, command, leaveOneOut, coldItem);
Console.WriteLine();
Console.WriteLine(ResultFiles.Markdown(command, leaveOneOut, coldItem));
Console.WriteLine($"Wrote results.md, results.json and ndcg-by-popularity.svg to {options.OutputDirectory} in {stopwatch.Elapsed:m\\:ss}.");
return 0;
