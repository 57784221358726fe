using System.Globalization;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;

namespace Pipeline.Tracking.Stores.Sql;

public abstract partial class SqlTrackingStore
{
    private static readonly Dictionary<string, string> ExperimentOrderColumns = new(StringComparer.Ordinal)
    {
        ["name"] = "name",
        ["experiment_id"] = "experiment_id",
        ["creation_time"] = "creation_time",
        ["last_update_time"] = "last_update_time",
    };

    /// <summary>Parses the query's filter and order-by with <see cref="Search.SearchFilterParser"/>, then searches.</summary>
    public Task<PagedList<Run>> SearchRunsAsync(RunQuery query, CancellationToken ct = default) =>
        SearchRunsAsync(RunSearch.From(query), ct);

    /// <summary>
    /// Runs of the given experiments matching every filter clause, ordered by the order-by keys, then start_time DESC,
    /// then run_id. The next page token is set only when more runs follow.
    /// </summary>
    public async Task<PagedList<Run>> SearchRunsAsync(RunSearch search, CancellationToken ct = default)
    {
        TrackingValidation.ValidateMaxResults(search.MaxResults);
        var offset = SearchPageToken.ParseOffset(search.PageToken);
        var experimentIds = search.ExperimentIds
            .Select(e => long.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .OfType<long>().Distinct().ToList();
        if (experimentIds.Count == 0)
        {
            return new PagedList<Run>([], null);
        }

        var (sql, binds) = new RunSearchSqlBuilder(_dialect).Build(search, experimentIds, offset, search.MaxResults + 1);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await BeforeSearchAsync(connection, ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var ids = new List<string>();
        await ForEachRowAsync(connection, transaction, sql, binds, r => ids.Add(r.GetString(0)), ct).ConfigureAwait(false);
        var more = ids.Count > search.MaxResults;
        var page = more ? ids.GetRange(0, search.MaxResults) : ids;
        var runs = await ReadRunsAsync(connection, transaction, page, ct).ConfigureAwait(false);
        return new PagedList<Run>(runs, more ? SearchPageToken.Create(offset + search.MaxResults) : null);
    }

    /// <summary>
    /// Experiments in the view, ordered by the order-by keys (<c>name</c>, <c>experiment_id</c>, <c>creation_time</c>,
    /// <c>last_update_time</c>, optionally with <c>attributes.</c> and ASC/DESC) then, as MLflow, creation_time DESC and
    /// experiment_id. The filter takes MLflow's experiment keys: <c>name</c>, <c>creation_time</c>, <c>last_update_time</c>
    /// and <c>tags.&lt;key&gt;</c> (<see cref="SearchFilterSql.AddExperimentFilters"/>).
    /// </summary>
    public async Task<PagedList<Experiment>> SearchExperimentsAsync(ExperimentQuery query, CancellationToken ct = default)
    {
        var filter = new SearchFilterSql(_dialect);
        filter.AddExperimentFilters(RegistryFilterParser.Parse(query.Filter, SearchFilterSql.ExperimentNumericAttributes));
        TrackingValidation.ValidateMaxResults(query.MaxResults);
        var offset = SearchPageToken.ParseOffset(query.PageToken);
        var order = (query.OrderBy ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Select(ExperimentOrder).ToList();
        if (!order.Any(o => o.StartsWith("creation_time", StringComparison.Ordinal)))
        {
            order.Add("creation_time DESC");
        }

        order.Add("experiment_id");
        var conditions = filter.Conditions.ToList();
        switch (query.ViewType)
        {
            case ViewType.ActiveOnly:
                conditions.Insert(0, "lifecycle_stage = 'active'");
                break;
            case ViewType.DeletedOnly:
                conditions.Insert(0, "lifecycle_stage = 'deleted'");
                break;
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        var found = await ReadExperimentsAsync(connection, null, $"{where} ORDER BY {string.Join(", ", order)} LIMIT @limit OFFSET @offset",
            [.. filter.Binds, ("limit", (long)query.MaxResults + 1), ("offset", offset)], ct).ConfigureAwait(false);
        var more = found.Count > query.MaxResults;
        return new PagedList<Experiment>(more ? found.GetRange(0, query.MaxResults) : found,
            more ? SearchPageToken.Create(offset + query.MaxResults) : null);
    }

    private string ExperimentOrder(string orderBy)
    {
        var parts = orderBy.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var key = parts[0];
        foreach (var prefix in new[] { "attributes.", "attribute.", "attr." })
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                key = key[prefix.Length..];
            }
        }

        if (!ExperimentOrderColumns.TryGetValue(key, out var column))
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue,
                $"Invalid order_by entity: '{orderBy}'. Valid keys are 'name', 'experiment_id', 'creation_time', 'last_update_time'.");
        }

        var direction = parts.Length switch
        {
            1 => "ASC",
            2 when parts[1].Equals("ASC", StringComparison.OrdinalIgnoreCase) => "ASC",
            2 when parts[1].Equals("DESC", StringComparison.OrdinalIgnoreCase) => "DESC",
            _ => throw new TrackingException(ErrorCode.InvalidParameterValue, $"Invalid order_by clause '{orderBy}'. Expected '<key> [ASC|DESC]'."),
        };
        return column == "name" ? $"name{_dialect.BinaryCollation} {direction}" : $"{column} {direction}";
    }
}
