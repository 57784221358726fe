using Pipeline.Tracking.Registry;
using Spectre.Console;

namespace Pipeline.Cli.Commands.Models;

/// <summary>How registry values read in a table: aliases as <c>champion=v3</c>, stages coloured on a terminal.</summary>
internal static class RegistryCells
{
    public static string Aliases(IEnumerable<RegisteredModelAlias> aliases) =>
        string.Join(", ", aliases.OrderBy(a => a.Alias, StringComparer.Ordinal).Select(a => $"{a.Alias}=v{a.Version}"));

    public static string Tags(IReadOnlyDictionary<string, string> tags) =>
        string.Join(", ", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));

    public static Style? Stage(string stage) => stage switch
    {
        ModelVersionStages.Production => new Style(Color.Green),
        ModelVersionStages.Staging => new Style(Color.Yellow),
        ModelVersionStages.Archived => new Style(Color.Grey),
        _ => (Style?)null,
    };

    public static readonly Style Alias = new(Color.Aqua);

    /// <summary>A registry filter matching exactly <paramref name="name"/>, quoted so any name reads back.</summary>
    public static string NameFilter(string name) =>
        !name.Contains('\'') ? $"name = '{name}'"
        : !name.Contains('"') ? $"name = \"{name}\""
        : throw new Pipeline.Tracking.TrackingException(Pipeline.Tracking.ErrorCode.InvalidParameterValue,
            $"model name {name} has both kinds of quote; the registry search cannot name it.");
}
