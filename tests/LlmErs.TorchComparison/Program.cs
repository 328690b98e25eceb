using System.Diagnostics;
using LlmErs.Recommenders;
using LlmErs.TorchComparison;
using TorchSharp;
using static TorchSharp.torch;

// Trains the ID-only sequential model for a few epochs on ml-latest-small (leave-one-out by time, training part), once
// with LlmErs.Recommenders and once as the same model in TorchSharp (libtorch on the CPU), on the same number of
// threads, and prints the median seconds per epoch of each (the first epoch, which warms up, left out).
//   dotnet run -c Release --project tests/LlmErs.TorchComparison -- [--movielens FOLDER] [--epochs N] [--threads N]
var folder = Text("--movielens") ?? Path.GetFullPath("../shared/data/movielens-latest-small");
var epochs = Option("--epochs", 6);
var threads = Option("--threads", Environment.ProcessorCount);
var options = new SequentialOptions { MaxDegreeOfParallelism = threads, Epochs = epochs };

var split = LeaveOneOutSplitter.Split(MovieLensDataset.Load(folder).Ratings.Deduplicate());
Console.WriteLine($"ml-latest-small, leave-one-out by time: {split.Train.Count:N0} training interactions, {split.UserCount} users, {split.ItemCount:N0} items; " +
                  $"d = {options.Dimension}, {options.Blocks} blocks, length {options.MaxLength}, batch {options.BatchSize}, {threads} thread(s), {epochs} epochs each");

var ours = SequentialRecommender.Train(split.Train, options: options).History.Epochs;
Report("LlmErs.Recommenders", ours.Select(e => e.Elapsed.TotalSeconds).ToArray(), ours[^1].Loss);

torch.set_num_threads(threads);
torch.manual_seed(42);
var (inputs, targets) = PaddedSequences(split.Train, options.MaxLength);
using (var predicted = targets.count_nonzero())
{
    // libtorch scores every position of the padded batch; LlmErs.Recommenders only the positions that predict an item.
    Console.WriteLine($"positions per epoch: {predicted.item<long>():N0} predicting an item, {targets.numel():N0} scored by libtorch (padding included)");
}

using var model = new TorchSasRec(split.ItemCount, options.Dimension, options.Blocks, options.MaxLength, options.Dropout, options.InitialStandardDeviation);
using var optimizer = optim.Adam(model.parameters(), options.LearningRate);
var torchSeconds = new double[epochs];
var loss = 0.0;
for (var epoch = 0; epoch < epochs; epoch++)
{
    // The epoch's mean cross-entropy per predicted position, as LlmErs.Recommenders reports it.
    var (lossSum, positions) = (0.0, 0L);
    var clock = Stopwatch.StartNew();
    using var order = randperm(inputs.shape[0]);
    var userCount = (int)inputs.shape[0];
    for (var start = 0; start < userCount; start += options.BatchSize)
    {
        using var scope = NewDisposeScope();
        var rows = order[start..Math.Min(start + options.BatchSize, userCount)];
        var logits = model.call(inputs[rows]);
        var batchTargets = targets[rows].reshape(-1);
        var batchLoss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[2]), batchTargets, ignore_index: 0);
        optimizer.zero_grad();
        batchLoss.backward();
        optimizer.step();
        var predicted = batchTargets.count_nonzero().item<long>();
        (lossSum, positions) = (lossSum + (batchLoss.item<float>() * predicted), positions + predicted);
    }

    torchSeconds[epoch] = clock.Elapsed.TotalSeconds;
    loss = lossSum / positions;
}

Report("TorchSharp-cpu (libtorch)", torchSeconds, loss);
return 0;

int Option(string name, int fallback) => Text(name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;

string? Text(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static void Report(string name, double[] seconds, double lastLoss)
{
    var timed = seconds.Skip(1).Order().ToArray();
    var median = timed.Length % 2 == 1 ? timed[timed.Length / 2] : (timed[(timed.Length / 2) - 1] + timed[timed.Length / 2]) / 2;
    Console.WriteLine($"{name}: median {median:F3} s per epoch (epochs 2–{seconds.Length}: {string.Join(", ", seconds.Skip(1).Select(s => s.ToString("F3")))}); last epoch's mean loss {lastLoss:F3}");
}

// Each user's last length + 1 training items in time order (ties in log order), as inputs and next-item targets, left-
// padded with 0; items are numbered from 1.
static (Tensor Inputs, Tensor Targets) PaddedSequences(InteractionLog train, int length)
{
    var events = new List<(long Time, int Row, int Item)>[train.UserCount];
    for (var row = 0; row < train.Count; row++)
    {
        (events[train.Users[row]] ??= []).Add((train.Timestamps[row], row, train.Items[row] + 1));
    }

    var users = events.Where(e => e is { Count: >= 2 }).ToArray();
    var inputs = new long[users.Length, length];
    var targets = new long[users.Length, length];
    for (var u = 0; u < users.Length; u++)
    {
        var items = users[u]!.Order().Select(e => (long)e.Item).TakeLast(length + 1).ToArray();
        for (var t = 0; t < items.Length - 1; t++)
        {
            inputs[u, length - items.Length + 1 + t] = items[t];
            targets[u, length - items.Length + 1 + t] = items[t + 1];
        }
    }

    return (tensor(inputs), tensor(targets));
}
