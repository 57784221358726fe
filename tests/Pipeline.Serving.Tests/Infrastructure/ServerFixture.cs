using Pipeline.Serving.Tests.TestModels;

namespace Pipeline.Serving.Tests.Infrastructure;

/// <summary>One server with the default test model, shared by the tests of a class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    internal SumThresholdTestModel Model { get; } = new(SumThresholdTestModel.DefaultSchema);

    internal ScoringTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ScoringTestServer.StartAsync(Model, maxBody: 64 * 1024);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Model.Dispose();
    }
}
