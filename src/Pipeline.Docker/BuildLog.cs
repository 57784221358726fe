using System.Text;
using System.Text.RegularExpressions;
using Docker.DotNet.Models;

namespace Pipeline.Docker;

/// <summary>
/// Collects an engine's progress stream. Reports arrive synchronously on the reading thread (unlike
/// <see cref="Progress{T}"/>, which posts them later), so the log is complete when the call returns.
/// The engine answers HTTP 200 even when a build step fails: the error is only in a message.
/// </summary>
internal sealed partial class BuildLog(Action<string>? echo) : IProgress<JSONMessage>
{
    /// <summary>The manifest digest a push reported, if any.</summary>
    public string? Digest { get; private set; }

    private readonly StringBuilder _text = new();
    private readonly List<string> _errors = [];
    private readonly Lock _gate = new();

    public void Report(JSONMessage value)
    {
        var line = value.Stream ?? (value.Status is null ? null : $"{value.Status} {value.ID}".TrimEnd() + "\n");
        var error = value.Error?.Message ?? value.ErrorMessage;
        lock (_gate)
        {
            // A push ends with "<tag>: digest: sha256:... size: N" (also in the aux message, whose shape varies by client version).
            if (value.Status is { } status && DigestPattern().Match(status) is { Success: true } match)
                Digest = match.Groups[1].Value;
            if (line is not null)
                _text.Append(line);
            if (!string.IsNullOrEmpty(error))
            {
                _errors.Add(error.Trim());
                _text.Append("ERROR: ").Append(error.Trim()).Append('\n');
            }
        }
        if (line is not null)
            echo?.Invoke(line.TrimEnd('\n'));
    }

    /// <summary>Throws when any message carried an error, with the last lines of the log.</summary>
    public void ThrowIfFailed(string what)
    {
        lock (_gate)
        {
            if (_errors.Count > 0)
                throw new DockerOperationException($"{what} failed: {_errors[^1]}\nLast lines of the build log:\n{Tail(30)}");
        }
    }

    /// <summary>The last <paramref name="lines"/> lines of the log.</summary>
    public string Tail(int lines)
    {
        lock (_gate)
        {
            var all = _text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)).Select(l => "  " + l.TrimEnd('\r')));
        }
    }

    [GeneratedRegex(@"digest: (sha256:[0-9a-f]{64})")]
    private static partial Regex DigestPattern();
}
