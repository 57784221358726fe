using System.Data.Common;
using Pipeline.Tracking.Registry;

namespace Pipeline.Tracking.Stores.Sql;

public sealed partial class SqlModelRegistry
{
    private const string VersionColumns =
        "mv.name, mv.version, mv.creation_time, mv.last_updated_time, mv.description, mv.user_id, mv.current_stage, mv.source, mv.run_id, mv.run_link, mv.status, mv.status_message";

    private static async Task<RegisteredModel> ReadModelAsync(DbConnection connection, DbTransaction? transaction, string name, CancellationToken ct)
    {
        var found = await ReadModelsAsync(connection, transaction, [name], ct).ConfigureAwait(false);
        return found.Count == 1 ? found[0] : throw ModelNotFound(name);
    }

    private static async Task<ModelVersion> ReadVersionAsync(DbConnection connection, DbTransaction? transaction, string name, long version, CancellationToken ct)
    {
        var found = await ReadVersionsAsync(connection, transaction, "mv.name = @name AND mv.version = @version AND mv.current_stage <> @deleted",
            [("name", name), ("version", version), ("deleted", ModelVersionStages.DeletedInternal)], ct).ConfigureAwait(false);
        return found.Count == 1 ? found[0] : throw VersionNotFound(name, version);
    }

    /// <summary>The models named, in the order given, with tags, aliases and latest versions; unknown names are skipped.</summary>
    private static async Task<List<RegisteredModel>> ReadModelsAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> names, CancellationToken ct)
    {
        var rows = new Dictionary<string, (long Created, long Updated, string? Description)>(StringComparer.Ordinal);
        var tags = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var aliases = new Dictionary<string, List<RegisteredModelAlias>>(StringComparer.Ordinal);
        foreach (var chunk in names.Chunk(500))
        {
            var (list, binds) = InList("n", chunk);
            await ForEachRowAsync(connection, transaction, $"SELECT name, creation_time, last_updated_time, description FROM registered_models WHERE name IN ({list})",
                binds, r => rows[r.GetString(0)] = (r.NullableInt64(1) ?? 0, r.NullableInt64(2) ?? 0, r.NullableString(3)), ct).ConfigureAwait(false);
            await ForEachRowAsync(connection, transaction, $"SELECT name, key, value FROM registered_model_tags WHERE name IN ({list})", binds,
                r => Map(tags, r.GetString(0))[r.GetString(1)] = r.NullableString(2) ?? "", ct).ConfigureAwait(false);
            await ForEachRowAsync(connection, transaction, $"SELECT name, alias, version FROM registered_model_aliases WHERE name IN ({list}) ORDER BY alias", binds,
                r => SqlTrackingStore.Bucket(aliases, r.GetString(0)).Add(new RegisteredModelAlias(r.GetString(1), Convert.ToInt64(r.GetValue(2)))), ct).ConfigureAwait(false);
        }

        var latest = (await ReadLatestVersionsAsync(connection, transaction, names, ct).ConfigureAwait(false)).ToLookup(v => v.Name, StringComparer.Ordinal);
        return names.Where(rows.ContainsKey).Select(n => new RegisteredModel(n, rows[n].Created, rows[n].Updated, rows[n].Description,
                latest[n].ToList(), tags.TryGetValue(n, out var t) ? t : new Dictionary<string, string>(),
                aliases.TryGetValue(n, out var a) ? a : []))
            .ToList();
    }

    /// <summary>For each model and stage, the live version with the highest number (MLflow's latest_versions).</summary>
    private static async Task<List<ModelVersion>> ReadLatestVersionsAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> names, CancellationToken ct)
    {
        var result = new List<ModelVersion>();
        foreach (var chunk in names.Chunk(500))
        {
            var (list, binds) = InList("n", chunk);
            result.AddRange(await ReadVersionsAsync(connection, transaction, $"""
                mv.name IN ({list}) AND mv.current_stage <> @deleted AND mv.version = (
                    SELECT MAX(m2.version) FROM model_versions m2 WHERE m2.name = mv.name AND m2.current_stage = mv.current_stage)
                """, [.. binds, ("deleted", ModelVersionStages.DeletedInternal)], ct).ConfigureAwait(false));
        }

        return result;
    }

    /// <summary>Versions matching <paramref name="where"/> (over alias <c>mv</c>), in row order, with their tags and aliases.</summary>
    private static async Task<List<ModelVersion>> ReadVersionsAsync(DbConnection connection, DbTransaction? transaction, string where,
        (string, object?)[] binds, CancellationToken ct, string orderAndPage = "")
    {
        var versions = new List<ModelVersion>();
        await ForEachRowAsync(connection, transaction, $"SELECT {VersionColumns} FROM model_versions mv WHERE {where} {orderAndPage}", binds, r => versions.Add(new ModelVersion(
            r.GetString(0), Convert.ToInt64(r.GetValue(1)), r.NullableInt64(2) ?? 0, r.NullableInt64(3) ?? 0, r.NullableString(4), r.NullableString(5),
            r.NullableString(6) ?? ModelVersionStages.None, r.NullableString(7), r.NullableString(8), r.NullableString(9),
            ModelVersionStatusNames.Parse(r.NullableString(10) ?? "READY"), r.NullableString(11),
            new Dictionary<string, string>(StringComparer.Ordinal), new List<string>())), ct).ConfigureAwait(false);
        var byKey = versions.ToDictionary(v => (v.Name, v.Version));
        foreach (var chunk in versions.Select(v => v.Name).Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var (list, nameBinds) = InList("n", chunk);
            await ForEachRowAsync(connection, transaction, $"SELECT name, version, key, value FROM model_version_tags WHERE name IN ({list})", nameBinds, r =>
            {
                if (byKey.TryGetValue((r.GetString(0), Convert.ToInt64(r.GetValue(1))), out var v))
                {
                    ((Dictionary<string, string>)v.Tags)[r.GetString(2)] = r.NullableString(3) ?? "";
                }
            }, ct).ConfigureAwait(false);
            await ForEachRowAsync(connection, transaction, $"SELECT name, version, alias FROM registered_model_aliases WHERE name IN ({list}) ORDER BY alias", nameBinds, r =>
            {
                if (byKey.TryGetValue((r.GetString(0), Convert.ToInt64(r.GetValue(1))), out var v))
                {
                    ((List<string>)v.Aliases).Add(r.GetString(2));
                }
            }, ct).ConfigureAwait(false);
        }

        return versions;
    }

    private static (string List, (string, object?)[] Binds) InList(string prefix, IReadOnlyList<string> values) =>
        (string.Join(", ", values.Select((_, i) => $"@{prefix}{i}")), values.Select((v, i) => ($"{prefix}{i}", (object?)v)).ToArray());

    private static Dictionary<string, string> Map(Dictionary<string, Dictionary<string, string>> map, string key)
    {
        if (!map.TryGetValue(key, out var inner))
        {
            map[key] = inner = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        return inner;
    }
}
