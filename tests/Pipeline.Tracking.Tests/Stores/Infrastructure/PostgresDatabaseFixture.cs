using Npgsql;
using Pipeline.Tracking.Stores;

namespace Pipeline.Tracking.Tests.Stores.Infrastructure;

/// <summary>A fresh, randomly named PostgreSQL database for one test class, dropped afterwards.</summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private string? _adminConnectionString;

    /// <summary>A <c>postgresql://</c> URI of the fresh database; null when PostgreSQL is not configured.</summary>
    public string? Uri { get; private set; }

    public string DatabaseName { get; } = $"pipeline_test_{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        if (PostgresTestEnvironment.Uri is not { } adminUri)
        {
            return;
        }

        _adminConnectionString = PostgresUri.ToConnectionString(adminUri);
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new UriBuilder(adminUri) { Path = "/" + DatabaseName };
        Uri = builder.Uri.ToString();
    }

    public async Task DisposeAsync()
    {
        if (_adminConnectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
