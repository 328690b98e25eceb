namespace LlmErs.Samples.Catalog.Synthetic;

/// <summary>A latent theme of the synthetic catalog: what its movies are about and how they are described.</summary>
internal sealed record Theme(
    string Name,
    string[] Genres,
    string[] TitleWords,
    string[] Heroes,
    string[] Places,
    string[] Plots)
{
    public static IReadOnlyList<Theme> All { get; } =
    [
        new("space", ["Sci-Fi", "Adventure"], ["Orbit", "Nebula", "Starfall", "Comet", "Void", "Eclipse"],
            ["an astronaut", "a starship pilot", "a young engineer"], ["aboard a failing spacecraft", "on a distant moon", "between the planets"],
            ["races to repair the reactor before the crew runs out of air", "decodes a signal from deep space", "leads a rescue through an asteroid storm"]),
        new("sea", ["Romance", "Drama"], ["Harbor", "Tide", "Lighthouse", "Coral", "Anchor", "Gull"],
            ["a lighthouse keeper", "a fisherman's daughter", "a sailor"], ["on a remote island", "in a storm-beaten harbor town", "on the open ocean"],
            ["falls in love with a stranger washed ashore", "writes letters to a lover across the sea", "waits out a winter of storms beside a new friend"]),
        new("crime", ["Crime", "Thriller"], ["Ledger", "Alley", "Midnight", "Cartel", "Shadow", "Verdict"],
            ["a weary detective", "a bookkeeper", "a rookie cop"], ["in a rain-soaked city", "in the city's underworld", "in a corrupt downtown precinct"],
            ["uncovers a ruthless cartel laundering money", "hunts a killer who leaves no trace", "is framed for a murder she did not commit"]),
        new("family", ["Animation", "Family"], ["Lantern", "Meadow", "Puppy", "Treehouse", "Picnic", "Rainbow"],
            ["a curious fox cub", "two siblings", "a shy little robot"], ["in a sunny countryside village", "on a family farm", "in a cheerful meadow"],
            ["learns that kindness makes the bravest hero", "helps the neighbours save the village fair", "finds the way home with the help of new friends"]),
        new("fantasy", ["Fantasy", "Adventure"], ["Dragon", "Crown", "Rune", "Kingdom", "Sorcerer", "Quest"],
            ["an apprentice wizard", "an exiled princess", "a brave squire"], ["in an enchanted kingdom", "beyond the misty mountains", "in a realm of ancient magic"],
            ["sets out to break a dragon's curse", "gathers heroes to reclaim the stolen crown", "masters forbidden runes to save the realm"]),
        new("comedy", ["Comedy"], ["Office", "Wedding", "Roommates", "Party", "Blunder", "Mixup"],
            ["a clumsy intern", "a best man", "two mismatched roommates"], ["in a chaotic city office", "at a wedding gone wrong", "in a tiny shared apartment"],
            ["causes one hilarious disaster after another", "tries to hide a ridiculous lie from everyone", "turns a boring week into a riot of jokes"]),
    ];
}
