namespace Pipeline.Serving.PredictionLog;

/// <summary>
/// Where the background writer puts prediction-log lines. Called from one task at a time. A method that throws leaves the
/// lines with the writer, which retries them with back-off while new rows wait in (or are dropped from) the bounded queue.
/// </summary>
internal interface IPredictionSink : IAsyncDisposable
{
    /// <summary>Appends complete JSON lines (<paramref name="stats"/> says how many rows and requests, each line ending in a newline) and makes them durable.</summary>
    Task WriteAsync(ReadOnlyMemory<byte> lines, PredictionBatchStats stats, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Called about once a second, with or without traffic, to rotate files or close periods whose time is up.</summary>
    Task TickAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Closes what is open (the last file, the last period) when the server stops.</summary>
    Task CloseAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
