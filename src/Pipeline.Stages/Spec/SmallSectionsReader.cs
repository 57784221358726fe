using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Stages.Spec;

/// <summary>Reads <c>tracking</c>, <c>model</c> and <c>serve</c>, which need no catalog.</summary>
internal static partial class SmallSectionsReader
{
    private static readonly IReadOnlyList<string> TrackingKeys = ["uri", "artifact_root"];
    private static readonly IReadOnlyList<string> ModelKeys = ["name", "alias", "promote"];
    private static readonly IReadOnlyList<string> ServeKeys =
        ["port", "base_image", "registry", "save", "challenger", "split", "shadow", "sticky_header", "log_predictions", "log_inputs", "log_sample"];

    public static TrackingSpec ReadTracking(SpecReader reader, YamlNode node)
    {
        var map = reader.Mapping(node, "tracking", TrackingKeys);
        return map is null
            ? TrackingSpec.Default
            : new TrackingSpec(map.String("uri") ?? TrackingSpec.DefaultUri, map.String("artifact_root") ?? TrackingSpec.DefaultArtifactRoot);
    }

    public static ModelSpec ReadModel(SpecReader reader, YamlNode node, TaskKind? task)
    {
        var map = reader.Mapping(node, "model", ModelKeys);
        if (map is null) return new ModelSpec("", ModelSpec.DefaultAlias);
        var name = map.String("name", required: true);
        var alias = map.String("alias");
        if (alias is not null && AliasProblem(alias) is { } problem)
        {
            reader.Error(map.Get("alias")!, map.PathOf("alias"), problem);
        }

        var promote = map.Get("promote") is { } promoteNode
            ? PromoteSectionReader.Read(reader, promoteNode, map.PathOf("promote"), alias ?? ModelSpec.DefaultAlias, task)
            : null;
        return new ModelSpec(name ?? "", alias ?? ModelSpec.DefaultAlias, promote);
    }

    public static ServeSpec ReadServe(SpecReader reader, YamlNode node)
    {
        var map = reader.Mapping(node, "serve", ServeKeys);
        if (map is null) return ServeSpec.Default;
        var port = map.Integer("port", min: 0, max: 65535);
        var baseImage = map.String("base_image");
        var registry = map.String("registry")?.Trim().TrimEnd('/');
        if (registry is not null && RegistryProblem(registry) is { } problem)
            reader.Error(map.Get("registry")!, map.PathOf("registry"), problem);
        var save = map.String("save");
        var serve = new ServeSpec(port ?? ServeSpec.DefaultPort, baseImage) { PortIsExplicit = port is not null, Registry = registry, Save = save };
        return ServeSectionReader.ReadChallengerAndLog(reader, map, serve);
    }

    /// <summary>A registry prefix must make a valid repository path in front of the image's own name.</summary>
    internal static string? RegistryProblem(string registry) =>
        Pipeline.Docker.ImageReference.IsValidRepository($"{registry}/model")
            ? null
            : $"'{registry}' is not a registry prefix: expected host[:port][/namespace...] in lowercase, e.g. ghcr.io/team or 127.0.0.1:5000/ml";

    /// <summary>MLflow's registered-model alias rules, so that registration cannot fail later.</summary>
    internal static string? AliasProblem(string alias) => alias switch
    {
        _ when !AliasCharacters().IsMatch(alias) => $"invalid alias '{alias}': only letters, digits, '_' and '-' are allowed",
        _ when alias.Length > 255 => "an alias has at most 255 characters",
        _ when alias.Equals("latest", StringComparison.OrdinalIgnoreCase) => "the alias 'latest' is reserved by MLflow",
        _ when VersionAlias().IsMatch(alias) => $"the alias '{alias}' is reserved by MLflow for version numbers",
        _ => null,
    };

    [GeneratedRegex(@"^[\w\-]+$")]
    private static partial Regex AliasCharacters();

    [GeneratedRegex(@"^[vV]\d+$")]
    private static partial Regex VersionAlias();
}
