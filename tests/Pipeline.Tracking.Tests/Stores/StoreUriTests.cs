using Pipeline.Tracking.Stores;

namespace Pipeline.Tracking.Tests.Stores;

/// <summary>How store URIs are read: SQLite paths as SQLAlchemy reads them, PostgreSQL URIs, redaction.</summary>
public sealed class StoreUriTests
{
    [Theory]
    [InlineData("sqlite:///mlruns.db", "mlruns.db")]
    [InlineData("sqlite:////abs/path/mlruns.db", "/abs/path/mlruns.db")]
    [InlineData("sqlite:///sub/dir/my%20runs.db?mode=rw", "sub/dir/my runs.db")]
    public void PathFromUri_ReadsPathsAsSqlAlchemy(string uri, string path) =>
        Assert.Equal(path, SqliteTrackingStore.PathFromUri(uri));

    [Fact]
    public void PathFromUri_InMemory_Rejected() =>
        Assert.Throws<TrackingException>(() => SqliteTrackingStore.PathFromUri("sqlite://"));

    [Theory]
    [InlineData("postgresql://bob:s%40cret@db.local:6543/mlflow", "db.local", 6543, "bob", "s@cret", "mlflow")]
    [InlineData("postgres://bob@127.0.0.1/runs", "127.0.0.1", 5432, "bob", null, "runs")]
    [InlineData("postgresql+psycopg2://u:p@h:1/d", "h", 1, "u", "p", "d")]
    public void PostgresUri_ToConnectionString_MapsEveryPart(string uri, string host, int port, string user, string? password, string database)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(PostgresUri.ToConnectionString(uri));

        Assert.Equal((host, port, user, password, database), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
    }

    [Fact]
    public void PostgresUri_UnknownQueryKey_NamesIt()
    {
        var error = Assert.Throws<TrackingException>(() => PostgresUri.ToConnectionString("postgresql://u@h/d?colour=red"));
        Assert.Contains("'colour'", error.Message);
    }

    [Fact]
    public void Redact_HidesPassword() =>
        Assert.Equal("postgresql://u:***@h/d", PostgresUri.Redact("postgresql://u:pw@h/d"));
}
