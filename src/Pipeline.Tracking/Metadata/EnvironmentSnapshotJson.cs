using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Tracking.Metadata;

/// <summary>Writes and reads the <c>environment.json</c> artifact.</summary>
public static class EnvironmentSnapshotJson
{
    /// <summary>The artifact path the snapshot is logged under.</summary>
    public const string ArtifactPath = "environment.json";

    // Keys are snake_case like MLflow's own JSON; properties keep their declaration order and assemblies are
    // sorted, so two snapshots of the same environment are byte-identical apart from the time.
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The snapshot as indented JSON.</summary>
    public static string Serialize(EnvironmentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var sorted = snapshot with
        {
            Assemblies = new SortedDictionary<string, AssemblyVersionInfo>(snapshot.Assemblies.ToDictionary(), StringComparer.Ordinal),
        };
        return JsonSerializer.Serialize(sorted, Options);
    }

    /// <summary>Reads a snapshot written by <see cref="Serialize"/>; throws <see cref="JsonException"/> naming the position of bad input.</summary>
    public static EnvironmentSnapshot Deserialize(string json) =>
        JsonSerializer.Deserialize<EnvironmentSnapshot>(json, Options)
        ?? throw new JsonException("environment.json holds 'null' instead of an object.");
}
