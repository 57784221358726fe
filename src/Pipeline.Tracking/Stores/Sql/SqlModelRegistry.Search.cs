using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;

namespace Pipeline.Tracking.Stores.Sql;

public sealed partial class SqlModelRegistry
{
    private static readonly Dictionary<string, string> ModelOrderColumns = new(StringComparer.Ordinal)
    {
        ["name"] = "rm.name",
        ["last_updated_timestamp"] = "rm.last_updated_time",
        ["timestamp"] = "rm.last_updated_time",
    };

    private static readonly Dictionary<string, string> VersionOrderColumns = new(StringComparer.Ordinal)
    {
        ["name"] = "mv.name",
        ["version_number"] = "mv.version",
        ["creation_timestamp"] = "mv.creation_time",
        ["last_updated_timestamp"] = "mv.last_updated_time",
    };

    private static readonly string[] DefaultVersionOrder = ["last_updated_timestamp DESC", "name ASC", "version_number DESC"];

    /// <inheritdoc />
    public async Task<PagedList<RegisteredModel>> SearchRegisteredModelsAsync(RegisteredModelQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        RegistryValidation.ValidateMaxResults(query.MaxResults, RegisteredModelQuery.MaxResultsThreshold);
        var sql = new SearchFilterSql(_dialect);
        sql.AddModelFilters(RegistryFilterParser.Parse(query.Filter));
        var order = SearchFilterSql.OrderBy(_dialect, query.OrderBy ?? [], ModelOrderColumns, [("rm.name", true)]);
        var offset = SearchPageToken.ParseOffset(query.PageToken);
        var where = sql.Conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", sql.Conditions);

        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var names = new List<string>();
        await ForEachRowAsync(connection, transaction, $"SELECT rm.name FROM registered_models rm {where} ORDER BY {order} LIMIT @limit OFFSET @offset",
            [.. sql.Binds, ("limit", query.MaxResults + 1), ("offset", offset)], r => names.Add(r.GetString(0)), ct).ConfigureAwait(false);
        var more = names.Count > query.MaxResults;
        var models = await ReadModelsAsync(connection, transaction, more ? names.GetRange(0, query.MaxResults) : names, ct).ConfigureAwait(false);
        return new PagedList<RegisteredModel>(models, more ? SearchPageToken.Create(offset + query.MaxResults) : null);
    }

    /// <inheritdoc />
    public async Task<PagedList<ModelVersion>> SearchModelVersionsAsync(ModelVersionQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        RegistryValidation.ValidateMaxResults(query.MaxResults, ModelVersionQuery.MaxResultsThreshold);
        var sql = new SearchFilterSql(_dialect);
        sql.AddVersionFilters(RegistryFilterParser.Parse(query.Filter));
        var order = SearchFilterSql.OrderBy(_dialect, query.OrderBy is { Count: > 0 } o ? o : DefaultVersionOrder, VersionOrderColumns,
            [("mv.name", true), ("mv.version", false)]);
        var offset = SearchPageToken.ParseOffset(query.PageToken);
        var where = string.Join(" AND ", [.. sql.Conditions, "mv.current_stage <> @deleted_stage"]);

        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var versions = await ReadVersionsAsync(connection, transaction, where,
            [.. sql.Binds, ("deleted_stage", ModelVersionStages.DeletedInternal), ("limit", query.MaxResults + 1), ("offset", offset)], ct,
            $"ORDER BY {order} LIMIT @limit OFFSET @offset").ConfigureAwait(false);
        var more = versions.Count > query.MaxResults;
        return new PagedList<ModelVersion>(more ? versions.GetRange(0, query.MaxResults) : versions,
            more ? SearchPageToken.Create(offset + query.MaxResults) : null);
    }
}
