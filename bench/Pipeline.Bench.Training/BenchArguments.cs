using System.Globalization;

namespace Pipeline.Bench.Training;

/// <summary>
/// The bench's command line: <c>[cli|scale] [--cli PATH] [--repo DIR] [--repeat N] [--sizes 10000,100000]
/// [--timeout-minutes M] [--skip-sweep] [--env NAME=VALUE]... [--runtime-stats]</c>; <c>--scale N --csv PATH</c> selects the child mode.
/// </summary>
public sealed record BenchArguments
{
    /// <summary>Whether the CLI bench runs (default: yes unless <c>scale</c> alone was asked for).</summary>
    public bool RunCli { get; init; } = true;

    /// <summary>Whether the scale bench runs (default: yes unless <c>cli</c> alone was asked for).</summary>
    public bool RunScale { get; init; } = true;

    /// <summary>The published CLI. Default <c>.tools/pipeline/pipeline</c> under the repository.</summary>
    public string? CliPath { get; init; }

    /// <summary>The repository root holding pipelines/ and data/. Default: found upwards from the bench's folder.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Repetitions of each CLI measurement. Default 5.</summary>
    public int Repeat { get; init; } = 5;

    /// <summary>Row counts of the scale bench. Default 10k, 100k, 1M.</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [10_000, 100_000, 1_000_000];

    /// <summary>How long one scale child may run before it is killed. Default 15 minutes.</summary>
    public TimeSpan ChildTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Extra environment variables for the CLI processes (e.g. <c>DOTNET_TieredPGO=0</c>), to compare runtime settings.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Scale bench: load and split only, no sweep (to see a size's memory when its sweep is too slow). Default false.</summary>
    public bool SkipSweep { get; init; }

    /// <summary>
    /// CLI bench: every measured process (and the scoring server it starts) reports what its runtime spent (JIT, GC) through
    /// a startup hook, printed as a second table. Default false: the hook adds an assembly load to every start.
    /// </summary>
    public bool RuntimeStats { get; init; }

    /// <summary>Child mode: the row count to measure.</summary>
    public int? ChildRows { get; init; }

    /// <summary>Child mode: the CSV to load.</summary>
    public string? ChildCsv { get; init; }

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        var result = new BenchArguments();
        var environment = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            result = args[i] switch
            {
                "cli" => result with { RunScale = false },
                "scale" => result with { RunCli = false },
                "--cli" => result with { CliPath = Next() },
                "--repo" => result with { RepositoryRoot = Next() },
                "--repeat" => result with { Repeat = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--sizes" => result with { Sizes = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() },
                "--timeout-minutes" => result with { ChildTimeout = TimeSpan.FromMinutes(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--scale" => result with { ChildRows = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--csv" => result with { ChildCsv = Next() },
                "--skip-sweep" => result with { SkipSweep = true },
                "--runtime-stats" => result with { RuntimeStats = true },
                "--env" => AddEnvironment(result, environment, Next()),
                _ => throw new ArgumentException($"unknown argument '{args[i]}'"),
            };
        }

        return result with { Environment = environment };
    }

    private static BenchArguments AddEnvironment(BenchArguments result, Dictionary<string, string> environment, string pair)
    {
        var equals = pair.IndexOf('=');
        if (equals <= 0) throw new ArgumentException($"--env expects NAME=VALUE, got '{pair}'");
        environment[pair[..equals]] = pair[(equals + 1)..];
        return result;
    }
}
