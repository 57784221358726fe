using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Stores.Sql;

public abstract partial class SqlTrackingStore
{
    /// <summary>
    /// Records the datasets a run used. A dataset is stored once per experiment by (name, digest); logging the same
    /// dataset to the same run again keeps the first input and its tags, as MLflow does.
    /// </summary>
    public async Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken ct = default)
    {
        foreach (var input in inputs)
        {
            TrackingValidation.ValidateDatasetInput(input);
        }

        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await EnsureRunActiveAsync(connection, transaction, runId, ct).ConfigureAwait(false);
        var (_, experimentId) = await GetRunStateAsync(connection, transaction, runId, ct).ConfigureAwait(false);
        foreach (var input in inputs)
        {
            var d = input.Dataset;
            await Sql.ExecuteAsync(connection, transaction, """
                INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, dataset_source_type, dataset_source, dataset_schema, dataset_profile)
                VALUES (@uuid, @exp, @name, @digest, @stype, @source, @schema, @profile)
                ON CONFLICT (experiment_id, name, digest) DO NOTHING
                """, ct, ("uuid", Guid.NewGuid().ToString("N")), ("exp", experimentId), ("name", d.Name), ("digest", d.Digest),
                ("stype", d.SourceType), ("source", d.Source), ("schema", d.Schema), ("profile", d.Profile)).ConfigureAwait(false);
            var datasetId = (string)(await Sql.ScalarAsync(connection, transaction,
                "SELECT dataset_uuid FROM datasets WHERE experiment_id = @exp AND name = @name AND digest = @digest", ct,
                ("exp", experimentId), ("name", d.Name), ("digest", d.Digest)).ConfigureAwait(false))!;

            var inputId = Guid.NewGuid().ToString("N");
            var inserted = await Sql.ExecuteAsync(connection, transaction, """
                INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, destination_id)
                VALUES (@input, 'DATASET', @dataset, 'RUN', @run)
                ON CONFLICT (source_type, source_id, destination_type, destination_id) DO NOTHING
                """, ct, ("input", inputId), ("dataset", datasetId), ("run", runId)).ConfigureAwait(false);
            if (inserted == 0)
            {
                continue;
            }

            foreach (var tag in input.Tags)
            {
                await Sql.ExecuteAsync(connection, transaction,
                    "INSERT INTO input_tags (input_uuid, name, value) VALUES (@input, @name, @value) ON CONFLICT (input_uuid, name) DO NOTHING", ct,
                    ("input", inputId), ("name", tag.Key), ("value", tag.Value)).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }
}
