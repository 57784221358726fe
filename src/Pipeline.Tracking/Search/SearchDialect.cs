namespace Pipeline.Tracking.Search;

/// <summary>
/// What one MLflow search endpoint accepts: the entity prefixes, the attribute keys (and which of them are
/// numeric), the order-by keys and the alias spellings MLflow translates. Instances are immutable.
/// </summary>
internal sealed class SearchDialect
{
    private static readonly string[] RunPrefixes =
        ["metric", "metrics", "parameter", "parameters", "param", "params", "tag", "tags",
         "attribute", "attributes", "attr", "run", "dataset", "datasets"];

    /// <summary>MLflow's <c>SearchUtils</c>: runs/search.</summary>
    public static SearchDialect Runs { get; } = new(
        target: "run",
        prefixes: RunPrefixes.ToDictionary(p => p, KindOfRunPrefix),
        searchAttributes: ["run_id", "run_name", "user_id", "status", "start_time", "end_time", "artifact_uri",
                           "created", "Created", "run name", "Run name", "Run Name"],
        numericAttributes: ["start_time", "end_time", "created", "Created"],
        orderByAttributes: ["run_id", "run_name", "user_id", "status", "start_time", "end_time", "artifact_uri",
                            "created", "Created"],
        aliases: new Dictionary<string, string>
        {
            ["created"] = "start_time", ["Created"] = "start_time",
            ["run name"] = "run_name", ["Run name"] = "run_name", ["Run Name"] = "run_name",
        },
        listAttributes: ["run_id"],
        orderByKinds: [EntityKind.Metric, EntityKind.Param, EntityKind.Tag, EntityKind.Attribute]);

    /// <summary>MLflow's <c>SearchExperimentsUtils</c>: experiments/search (prefixes only <c>attribute</c>, <c>tag</c>, <c>tags</c>).</summary>
    public static SearchDialect Experiments { get; } = new(
        target: "experiment",
        prefixes: new Dictionary<string, EntityKind>
        {
            ["attribute"] = EntityKind.Attribute, ["tag"] = EntityKind.Tag, ["tags"] = EntityKind.Tag,
        },
        searchAttributes: ["name", "creation_time", "last_update_time"],
        numericAttributes: ["creation_time", "last_update_time"],
        orderByAttributes: ["name", "experiment_id", "creation_time", "last_update_time"],
        aliases: new Dictionary<string, string>(),
        listAttributes: [],
        orderByKinds: [EntityKind.Attribute]);

    /// <summary>The dataset keys MLflow filters runs by (<c>datasets.name</c>, ...); all take IN lists.</summary>
    public static IReadOnlySet<string> DatasetKeys { get; } = new HashSet<string>(["name", "digest", "context"], StringComparer.Ordinal);

    private SearchDialect(
        string target, Dictionary<string, EntityKind> prefixes, string[] searchAttributes, string[] numericAttributes,
        string[] orderByAttributes, Dictionary<string, string> aliases, string[] listAttributes, EntityKind[] orderByKinds)
    {
        Target = target;
        Prefixes = prefixes;
        SearchAttributes = new HashSet<string>(searchAttributes, StringComparer.Ordinal);
        NumericAttributes = new HashSet<string>(numericAttributes, StringComparer.Ordinal);
        OrderByAttributes = new HashSet<string>(orderByAttributes, StringComparer.Ordinal);
        Aliases = aliases;
        ListAttributes = new HashSet<string>(listAttributes, StringComparer.Ordinal);
        OrderByKinds = orderByKinds;
    }

    /// <summary>"run" or "experiment", for messages.</summary>
    public string Target { get; }

    /// <summary>Entity prefixes, matched case-sensitively as MLflow does.</summary>
    public IReadOnlyDictionary<string, EntityKind> Prefixes { get; }

    public IReadOnlySet<string> SearchAttributes { get; }

    public IReadOnlySet<string> NumericAttributes { get; }

    public IReadOnlySet<string> OrderByAttributes { get; }

    /// <summary>Alternate spellings and the canonical key clauses carry (<c>created</c> is <c>start_time</c>).</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; }

    /// <summary>String attributes that may be compared with an IN list (MLflow: only <c>run_id</c>).</summary>
    public IReadOnlySet<string> ListAttributes { get; }

    public IReadOnlyList<EntityKind> OrderByKinds { get; }

    public string Canonical(string attributeKey) => Aliases.GetValueOrDefault(attributeKey, attributeKey);

    private static EntityKind KindOfRunPrefix(string prefix) => prefix switch
    {
        "metric" or "metrics" => EntityKind.Metric,
        "parameter" or "parameters" or "param" or "params" => EntityKind.Param,
        "tag" or "tags" => EntityKind.Tag,
        "dataset" or "datasets" => EntityKind.Dataset,
        _ => EntityKind.Attribute,
    };
}
