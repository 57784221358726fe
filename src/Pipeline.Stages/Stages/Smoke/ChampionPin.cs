using System.Globalization;
using System.Text;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages.Serve;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Stages.Smoke;

/// <summary>
/// With a challenger served beside the champion, pins SmokeTest's requests to the champion: it tries sticky keys until one
/// is answered by the champion's version (<c>X-Model-Version</c>), then sends that key with every request, so the answers
/// compared with the champion's offline predictions are the champion's. The server's split decides; nothing is bypassed.
/// </summary>
internal static class ChampionPin
{
    private const int Attempts = 64;

    /// <summary>Returns the challenger's answering version seen while probing (null without a challenger or when none answered).</summary>
    public static async Task<string?> PinAsync(HttpClient http, Run pipelineRun, string probeBody, IStageReporter reporter, CancellationToken ct)
    {
        if (pipelineRun.Data.Tag(ServingTags.ChallengerUri) is null)
            return null;
        var header = pipelineRun.Data.Tag(ServingTags.StickyHeader) ?? "X-Request-Id";
        var champion = pipelineRun.Data.Tag(ServingTags.ModelUri)!.Split('/')[^1];
        string? challengerSeen = null;
        for (var i = 0; i < Attempts; i++)
        {
            var key = $"pipeline-smoke-test-{i.ToString(CultureInfo.InvariantCulture)}";
            using var request = new HttpRequestMessage(HttpMethod.Post, "invocations") { Content = new StringContent(probeBody, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation(header, key);
            using var response = await http.SendAsync(request, ct);
            var answered = response.Headers.TryGetValues("X-Model-Version", out var values) ? values.FirstOrDefault() : null;
            if (answered == champion)
            {
                http.DefaultRequestHeaders.TryAddWithoutValidation(header, key);
                reporter.Info($"SmokeTest: a challenger is served; checking the champion (version {champion}) with {header}: {key}" +
                              (challengerSeen is null ? "" : $" (the challenger, version {challengerSeen}, answered {i} probe(s) before)"));
                return challengerSeen;
            }

            challengerSeen ??= answered;
        }

        throw new PipelineException(
            $"SmokeTest: a challenger is served and none of {Attempts} requests with different {header} values was answered by the champion " +
            $"(version {champion}): is serve.split 1? The smoke test checks the champion.");
    }
}
