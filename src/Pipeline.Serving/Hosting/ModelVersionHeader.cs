using Pipeline.Serving.Model;
using Pipeline.Serving.PredictionLog;

namespace Pipeline.Serving.Hosting;

/// <summary>
/// <c>X-Model-Version</c> on every <c>/invocations</c> answer: the registry version number of the model that answered
/// (<c>3</c> for <c>breast-cancer/3</c>), or the model's own version when it was served from a directory.
/// </summary>
internal static class ModelVersionHeader
{
    /// <summary>The header's name.</summary>
    public const string Name = "X-Model-Version";

    public static string For(IScoringModel model) => ServedModelIdentity.Parse(model.Version).Version;
}
