using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Server.Api;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Stores;

namespace Pipeline.Server.Artifacts;

/// <summary>MLflow's <c>artifacts/list</c>: the files of a run's artifact folder, paths relative to the run's artifact root.</summary>
internal static class ArtifactListEndpoints
{
    public static RouteGroupBuilder MapArtifactList(this RouteGroupBuilder group)
    {
        group.MapGet("/artifacts/list", List);
        return group;
    }

    private static async Task List(HttpContext http, ITrackingStore store, ServerArtifacts artifacts)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var run = await store.GetRunAsync(args.RunId(), http.RequestAborted);
        var path = args.String("path") ?? "";
        var (repository, prefix) = artifacts.Resolve(run.Info.ArtifactUri);
        var entries = await repository.ListAsync(Join(prefix, path), http.RequestAborted);
        await JsonResponse.WriteAsync(http, w =>
        {
            w.WriteString("root_uri", run.Info.ArtifactUri);
            WriteFiles(w, entries.Select(e => e with { Path = prefix.Length == 0 ? e.Path : e.Path[(prefix.Length + 1)..] }).ToList());
        });
    }

    internal static void WriteFiles(System.Text.Json.Utf8JsonWriter w, IReadOnlyList<ArtifactEntry> entries)
    {
        if (entries.Count == 0)
            return;
        w.WriteStartArray("files");
        foreach (var e in entries)
        {
            w.WriteStartObject();
            w.WriteString("path", e.Path);
            w.WriteBoolean("is_dir", e.IsDir);
            if (e.FileSize is { } size)
                w.WriteNumber("file_size", size);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    internal static string Join(string prefix, string path) =>
        prefix.Length == 0 ? path : path.Length == 0 ? prefix : $"{prefix}/{path}";
}
