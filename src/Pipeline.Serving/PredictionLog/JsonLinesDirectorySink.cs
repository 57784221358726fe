using System.Globalization;

namespace Pipeline.Serving.PredictionLog;

/// <summary>
/// Prediction log as JSON Lines files in a folder: <c>predictions-20261202T193000123Z.jsonl</c>, a new file when the current one
/// passes the size limit or the age limit. Each write is flushed to the operating system, so a killed server loses only what
/// was still queued.
/// </summary>
internal sealed class JsonLinesDirectorySink(string directory, long maxBytes, TimeSpan maxAge) : IPredictionSink
{
    private FileStream? _file;
    private DateTimeOffset _opened;
    private int _sequence;

    /// <summary>The file being written, if any.</summary>
    public string? CurrentFile => _file?.Name;

    public async Task WriteAsync(ReadOnlyMemory<byte> lines, PredictionBatchStats stats, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await RotateIfDueAsync(now).ConfigureAwait(false);
        var file = _file ?? Open(now);
        try
        {
            // Plain writes: this is the background writer's own task, and Linux file I/O has no true async path anyway.
            file.Write(lines.Span);
            file.Flush();
        }
        catch
        {
            // A half-written line must not be followed by the retried batch on the same line: start a fresh file.
            await CloseFileAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task TickAsync(DateTimeOffset now, CancellationToken cancellationToken) => RotateIfDueAsync(now);

    public Task CloseAsync(DateTimeOffset now, CancellationToken cancellationToken) => CloseFileAsync();

    public ValueTask DisposeAsync() => new(CloseFileAsync());

    private async Task RotateIfDueAsync(DateTimeOffset now)
    {
        // A file deleted or moved away under the server (a cleanup job, a log shipper) would swallow lines unseen: start a new one.
        if (_file is { } file && (file.Length >= maxBytes || now - _opened >= maxAge || !File.Exists(file.Name)))
            await CloseFileAsync().ConfigureAwait(false);
    }

    private FileStream Open(DateTimeOffset now)
    {
        Directory.CreateDirectory(directory);
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var path = Path.Combine(directory, $"predictions-{stamp}-{Environment.ProcessId}-{_sequence++:D4}.jsonl");
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 256 * 1024);
        _opened = now;
        return _file;
    }

    private async Task CloseFileAsync()
    {
        if (_file is not { } file)
            return;
        _file = null;
        try
        {
            await file.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The folder is gone or full; the lines in it were already reported as written or will be retried.
        }
    }
}
