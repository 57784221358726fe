using YamlDotNet.RepresentationModel;

namespace Pipeline.Stages.Spec;

/// <summary>Reads <c>sweep</c>.</summary>
internal static class SweepSectionReader
{
    /// <summary>Grids larger than this are refused: a typo such as a 1000-value list should not queue a week of training.</summary>
    public const int MaxGridSize = 10_000;

    private static readonly IReadOnlyList<string> Keys =
        ["strategy", "trials", "seed", "cv_folds", "parallelism", "max_retries", "heartbeat_interval", "heartbeat_timeout", "search_space", "tpe", "pruner", "stop_when", "timeout"];

    public static SweepSpec Read(SpecReader reader, YamlNode node, TaskKind? task)
    {
        var map = reader.Mapping(node, "sweep", Keys);
        if (map is null) return Placeholder;

        var strategyWritten = map.Get("strategy") is not null;
        var strategy = map.Choice("strategy", SpecNames.Strategies, SpecNames.ToYamlName);
        var knownStrategy = strategyWritten ? strategy : SweepStrategy.Grid;
        var trials = map.Integer("trials", min: 1);
        if (trials is not null && knownStrategy == SweepStrategy.Grid)
        {
            reader.Error(map.Get("trials")!, map.PathOf("trials"),
                "trials is only used with strategy 'random' or 'tpe' (a grid runs every combination)");
        }

        if (trials is null && knownStrategy == SweepStrategy.Tpe)
        {
            reader.Error(map.Get("strategy")!, map.PathOf("trials"),
                "strategy 'tpe' needs trials: the number of trials to run (e.g. trials: 50)");
        }

        var seed = map.Integer("seed");
        var folds = map.Integer("cv_folds", min: 2);
        var parallelism = map.Integer("parallelism", min: 1);
        var maxRetries = map.Integer("max_retries", min: 0, max: 100);
        var interval = map.Number("heartbeat_interval", v => v > 0 && v <= 3600, "a number of seconds in (0, 3600]");
        var heartbeatTimeout = map.Number("heartbeat_timeout", v => v > 0 && v <= 86_400, "a number of seconds in (0, 86400]");
        if ((heartbeatTimeout ?? SweepSpec.DefaultHeartbeatTimeout.TotalSeconds) <= 2 * (interval ?? SweepSpec.DefaultHeartbeatInterval.TotalSeconds))
        {
            var at = map.Get("heartbeat_timeout") is not null ? "heartbeat_timeout" : "heartbeat_interval";
            reader.Error(map.Get(at)!, map.PathOf(at),
                "heartbeat_timeout must be more than twice heartbeat_interval, or a live worker whose heartbeat is a little late loses its trial");
        }

        var spaceNode = map.Require("search_space");
        var space = spaceNode is null
            ? []
            : SearchSpaceReader.Read(reader, spaceNode, map.PathOf("search_space"), task, knownStrategy);

        var resolved = knownStrategy ?? SweepStrategy.Grid;
        if (resolved == SweepStrategy.Grid && spaceNode is not null)
        {
            var size = SearchSpaceExpander.GridSize(space);
            if (size > MaxGridSize)
            {
                reader.Error(spaceNode, map.PathOf("search_space"),
                    $"the grid has {size} configurations, more than {MaxGridSize}; use strategy 'random' with trials");
            }

            trials = (int)Math.Min(size, MaxGridSize);
        }

        var resolvedFolds = folds ?? SweepSpec.DefaultCvFolds;
        return new SweepSpec(
            resolved,
            trials ?? SweepSpec.DefaultTrials,
            seed ?? SweepSpec.DefaultSeed,
            resolvedFolds,
            parallelism ?? SweepSpec.DefaultParallelism,
            space)
        {
            MaxRetries = maxRetries ?? SweepSpec.DefaultMaxRetries,
            HeartbeatInterval = interval is { } i ? TimeSpan.FromSeconds(i) : SweepSpec.DefaultHeartbeatInterval,
            HeartbeatTimeout = heartbeatTimeout is { } t ? TimeSpan.FromSeconds(t) : SweepSpec.DefaultHeartbeatTimeout,
            Tpe = SweepOptionsReader.ReadTpe(reader, map, knownStrategy),
            Pruner = SweepOptionsReader.ReadPruner(reader, map, resolvedFolds),
            StopWhen = SweepOptionsReader.ReadStopWhen(reader, map, task),
            Timeout = SweepOptionsReader.ReadTimeout(reader, map),
        };
    }

    private static SweepSpec Placeholder { get; } =
        new(SweepStrategy.Grid, 0, SweepSpec.DefaultSeed, SweepSpec.DefaultCvFolds, SweepSpec.DefaultParallelism, []);
}
