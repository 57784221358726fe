using Pipeline.Server.Hosting;
using Pipeline.Stages.Reproduction;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.Reproduction;

/// <summary>Reproduction against stores other than a local SQLite file: our tracking server over MLflow's REST API (artifacts through its proxy) and PostgreSQL.</summary>
public sealed class RemoteStoreReproductionTests
{
    [Fact]
    public async Task PipelineRun_InATrackingServer_ReproducesThroughTheRestApiAndArtifactProxy()
    {
        using var repo = new GitPipelineRepository();
        await using var server = await TrackingServerHost.StartAsync(new TrackingServerOptions
        {
            BackendStoreUri = "sqlite:///" + Path.Combine(repo.Root, "server.db"),
            ArtifactsDestination = Path.Combine(repo.Root, "mlartifacts", "server"),
            Port = 0,
            LogRequests = false,
        });
        var uri = server.BaseUri.ToString();
        var prepared = await repo.RunThroughAsync(StageName.PrepareData, uri);

        var report = await new RunReproducer(repo.Reporter, TimeProvider.System, repo.Environment)
            .ReproduceAsync(new ReproduceOptions(prepared.Outputs["pipeline_run_id"], uri, RepositoryPath: repo.Root));

        Assert.True(report.Verdict == ReproductionVerdict.Reproduced, RunReproducer.ToMarkdown(report));
        await using var backend = Pipeline.Tracking.Composition.TrackingComposition.ForProcess().Open(uri, "unused");
        var store = backend.Store;
        var recorded = await store.GetRunAsync(report.ReproductionRunId!);
        Assert.Equal("reproduced", recorded.Data.Tag(RunReproducer.VerdictTag));
    }

    [PostgresFact]
    public async Task PipelineRun_InPostgreSql_Reproduces()
    {
        using var repo = new GitPipelineRepository();
        var admin = PostgresUri.ToConnectionString(PostgresFactAttribute.Uri!);
        var database = $"pipeline_repro_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"");
        try
        {
            var uri = new UriBuilder(PostgresFactAttribute.Uri!) { Path = "/" + database }.Uri.ToString();
            var prepared = await repo.RunThroughAsync(StageName.PrepareData, uri);

            var report = await new RunReproducer(repo.Reporter, TimeProvider.System, repo.Environment)
                .ReproduceAsync(new ReproduceOptions(prepared.Outputs["pipeline_run_id"], uri, RepositoryPath: repo.Root));

            Assert.True(report.Verdict == ReproductionVerdict.Reproduced, RunReproducer.ToMarkdown(report));
            Assert.NotNull(report.ReproductionRunId);
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
