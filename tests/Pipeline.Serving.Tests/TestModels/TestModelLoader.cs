using Pipeline.Serving.Hosting;
using Pipeline.Serving.Model;

namespace Pipeline.Serving.Tests.TestModels;

/// <summary>TEST LOADER: hands out a prepared model, or fails with the given message.</summary>
internal sealed class TestModelLoader(IScoringModel? model, string? failure = null) : IScoringModelLoader
{
    public Task<IScoringModel> LoadAsync(ScoringServerOptions options, CancellationToken cancellationToken) =>
        failure is null ? Task.FromResult(model!) : throw new FileNotFoundException(failure);
}
