using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Data;

/// <summary>Small logs written inline: <c>"u1 i1 10"</c> = user u1, item i1, timestamp 10 (and an optional rating).</summary>
public static class Logs
{
    public static InteractionLog Parse(params string[] rows)
    {
        var builder = new InteractionLogBuilder();
        foreach (var row in rows)
        {
            var parts = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            builder.Add(parts[0], parts[1], long.Parse(parts[2]), parts.Length > 3 ? float.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture) : null);
        }

        return builder.Build();
    }

    /// <summary>The rows as "user item" strings, in log order.</summary>
    public static string[] Pairs(InteractionLog log) =>
        Enumerable.Range(0, log.Count).Select(i => $"{log.UserIds[log[i].User]} {log.ItemIds[log[i].Item]}").ToArray();

    /// <summary>A random log: every user interacts with distinct random items at random times.</summary>
    public static InteractionLog Random(int users, int items, int perUser, int seed)
    {
        var random = new Random(seed);
        var builder = new InteractionLogBuilder();
        for (var u = 0; u < users; u++)
        {
            var count = 1 + random.Next(perUser * 2);
            foreach (var item in Enumerable.Range(0, items).OrderBy(_ => random.Next()).Take(Math.Min(count, items)))
            {
                builder.Add($"u{u}", $"i{item}", random.Next(1_000), rating: 1 + random.Next(5));
            }
        }

        return builder.Build();
    }
}
