using Pipeline.Serving.Hosting;
using Pipeline.Serving.Model;

namespace Pipeline.Serving.Tests.TestModels;

/// <summary>TEST LOADER: hands out the model registered under the URI asked for (champion and challenger).</summary>
internal sealed class NamedModelLoader(IReadOnlyDictionary<string, IScoringModel> models) : IScoringModelLoader
{
    public Task<IScoringModel> LoadAsync(ScoringServerOptions options, CancellationToken cancellationToken) =>
        models.TryGetValue(options.ModelUri ?? "", out var model) ? Task.FromResult(model) : throw new FileNotFoundException($"no test model '{options.ModelUri}'");
}
