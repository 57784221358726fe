namespace Pipeline.Tracking.Stores;

/// <summary>
/// MLflow-style run names: <c>{adjective}-{noun}-{0..999}</c>. Deterministic when given a seed; thread-safe.
/// </summary>
public sealed class RandomRunNameGenerator : IRunNameGenerator
{
    private static readonly string[] Adjectives =
    [
        "amber", "bold", "brave", "bright", "calm", "clever", "crisp", "daring", "eager", "fancy", "gentle", "glad",
        "golden", "honest", "humble", "jolly", "keen", "kind", "lively", "lucky", "merry", "mighty", "nimble", "noble",
        "polite", "proud", "quick", "quiet", "rapid", "shiny", "silent", "smart", "steady", "sunny", "swift", "tidy",
        "vivid", "warm", "wise", "zesty",
    ];

    private static readonly string[] Nouns =
    [
        "ant", "badger", "bear", "bee", "bison", "cat", "crane", "crow", "deer", "dove", "eagle", "eel", "falcon",
        "finch", "fox", "frog", "goat", "hare", "hawk", "heron", "horse", "ibis", "koala", "lark", "lemur", "lion",
        "lynx", "mole", "moth", "newt", "otter", "owl", "panda", "robin", "seal", "shrew", "snail", "swan", "toad",
        "whale", "wolf", "wren", "yak", "zebra",
    ];

    private readonly Random _random;
    private readonly Lock _gate = new();

    /// <summary>Creates a generator; with <paramref name="seed"/> the sequence of names is reproducible.</summary>
    public RandomRunNameGenerator(int? seed = null) =>
        _random = seed is { } s ? new Random(s) : new Random();

    /// <inheritdoc />
    public string Next()
    {
        lock (_gate)
        {
            return $"{Adjectives[_random.Next(Adjectives.Length)]}-{Nouns[_random.Next(Nouns.Length)]}-{_random.Next(1000)}";
        }
    }
}
