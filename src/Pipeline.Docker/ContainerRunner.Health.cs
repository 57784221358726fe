using Docker.DotNet.Models;

namespace Pipeline.Docker;

public sealed partial class ContainerRunner
{
    /// <summary>
    /// Waits for Docker's own verdict on the image's HEALTHCHECK: <c>healthy</c> or <c>unhealthy</c> as soon as Docker
    /// gives one, <c>starting</c> when <paramref name="timeout"/> passes first, <c>none</c> when the image has no
    /// HEALTHCHECK. Release jobs use it to trust what an orchestrator will see, not just that the port answers.
    /// </summary>
    public async Task<string> WaitForHealthCheckAsync(string id, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            var state = await engine.Client.Containers.InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
            var status = state.State.Health?.Status ?? "none";
            if (status is not "starting" || _time.GetElapsedTime(started) > timeout)
                return status;
            await Task.Delay(PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Polls the health URL until it answers 2xx; fails early when the container stops. Returns its name.</summary>
    private async Task<string> WaitHealthyAsync(string id, Uri health, TimeSpan timeout, long started, CancellationToken cancellationToken)
    {
        var last = "no answer yet";
        while (true)
        {
            var state = await engine.Client.Containers.InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
            try
            {
                using var response = await _http.GetAsync(health, cancellationToken).ConfigureAwait(false);
                // The answer counts only if the container is still running after it: another server on the host port
                // answers too, while ours is exiting.
                if (response.IsSuccessStatusCode
                    && (await engine.Client.Containers.InspectContainerAsync(id, cancellationToken).ConfigureAwait(false)).State.Running)
                    return state.Name.TrimStart('/');
                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                last = e.InnerException?.Message ?? e.Message;
            }
            if (!state.State.Running)
                throw new DockerOperationException(
                    $"container {Short(id)} ({state.Config.Image}) exited with code {state.State.ExitCode} before {health} answered" +
                    $"{(string.IsNullOrEmpty(state.State.Error) ? "" : ": " + state.State.Error)}.\n{await LogsAsync(id).ConfigureAwait(false)}");
            if (_time.GetElapsedTime(started) > timeout)
                throw new DockerOperationException(
                    $"container {Short(id)} ({state.Config.Image}) was not healthy within {timeout.TotalSeconds:0.#} s: " +
                    $"{health} gave {last}.\n{await LogsAsync(id).ConfigureAwait(false)}");
            await Task.Delay(HealthPollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> LogsAsync(string id)
    {
        try
        {
            using var stream = await engine.Client.Containers.GetContainerLogsAsync(id, tty: false,
                new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = "50" }, CancellationToken.None).ConfigureAwait(false);
            var (stdout, stderr) = await stream.ReadOutputToEndAsync(CancellationToken.None).ConfigureAwait(false);
            var text = (stdout + stderr).TrimEnd();
            return text.Length == 0 ? "The container wrote no logs." :
                "Container logs (last 50 lines):\n" + string.Join('\n', text.Split('\n').Select(l => "  " + l));
        }
        catch (Exception e)
        {
            return $"Its logs could not be read: {e.Message}";
        }
    }

    private static string Short(string id) => id.Length > 12 ? id[..12] : id;
}
