using Microsoft.AspNetCore.Routing;
using Pipeline.Server.Artifacts;

namespace Pipeline.Server.Api;

/// <summary>Every endpoint of MLflow's tracking and registry REST API, for one base path (<c>/api/2.0/mlflow</c> or <c>/ajax-api/2.0/mlflow</c>).</summary>
public static class TrackingEndpoints
{
    /// <summary>Maps experiments, runs, logging, metric history, artifact listing, registered models and model versions on <paramref name="group"/>.</summary>
    public static RouteGroupBuilder MapTracking(this RouteGroupBuilder group) =>
        group.MapExperiments()
            .MapRuns()
            .MapRunLogging()
            .MapArtifactList()
            .MapRegisteredModels()
            .MapModelVersions();
}
