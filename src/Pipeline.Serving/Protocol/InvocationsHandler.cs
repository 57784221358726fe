using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Pipeline.Serving.Batch;
using Pipeline.Serving.Hosting;
using Pipeline.Serving.Metrics;
using Pipeline.Serving.Model;
using Pipeline.Serving.PredictionLog;

namespace Pipeline.Serving.Protocol;

/// <summary>
/// <c>POST /invocations</c>: content type, body (size-limited), JSON or CSV parsing, signature enforcement,
/// prediction, <c>{"predictions": [...]}</c>. Refusals are <see cref="ScoringException"/>s answered with their
/// status; anything else escapes to the request middleware as a server fault.
/// </summary>
internal sealed class InvocationsHandler(
    ScoringModelHolder holder,
    IOptions<ScoringServerOptions> options,
    ScoringMetrics metrics,
    LargeRequestGate gate,
    TimeProvider time,
    PredictionLogQueue? log = null)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public async Task HandleAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        var requestId = log is null ? null : RequestIds.Ensure(context);
        var model = holder.Model;
        Scored? scored = null;
        try
        {
            if (model is null)
                throw new ScoringException("The model is not loaded yet.", ScoringErrorCodes.TemporarilyUnavailable, StatusCodes.Status503ServiceUnavailable);
            context.Response.Headers[ModelVersionHeader.Name] = ModelVersionHeader.For(model);
            var format = ContentTypeCheck.Check(context.Request.ContentType);
            ContentTypeCheck.CheckEncoding(context.Request.Headers.ContentEncoding);
            // Large bodies take a slot first, so that at most a few are held, parsed and scored at once.
            using var slot = LargeRequestGate.IsLarge(context.Request.ContentLength) ? await gate.EnterAsync(context.RequestAborted).ConfigureAwait(false) : null;
            using var body = new RequestBodyReader();
            await body.ReadAsync(context.Request, options.Value.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
            scored = format == RequestFormat.Csv
                ? PredictCsv(model, body.Memory.Span, context)
                : PredictJson(model, body.Memory, context);

            var buffer = new ArrayBufferWriter<byte>(256);
            PredictionWriter.Write(buffer, scored.Predictions);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = buffer.WrittenCount;
            await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ScoringException error)
        {
            await ScoringErrorWriter.WriteAsync(context, error).ConfigureAwait(false);
        }
        catch (Exception) when (Log(context, requestId, model, null, started, StatusCodes.Status500InternalServerError))
        {
            throw; // never reached: the filter logs and lets the middleware answer 500
        }

        Log(context, requestId, model, scored, started, context.Response.StatusCode);
    }

    /// <summary>Queues the answered request for the prediction log (when on and sampled); always false, for use as a filter.</summary>
    private bool Log(HttpContext context, string? requestId, IScoringModel? model, Scored? scored, long started, int status)
    {
        if (log is null || requestId is null || !log.IsSampled(requestId))
            return false;
        var errorCode = status >= 500 ? ScoringErrorCodes.InternalError
            : context.Items.TryGetValue(ScoringErrorWriter.ErrorCodeItem, out var code) ? code as string : null;
        log.TryEnqueue(new LoggedRequest(
            requestId, time.GetUtcNow(), model?.Version ?? "", null, scored?.Batch, scored?.Predictions, scored?.Probabilities ?? false,
            time.GetElapsedTime(started).TotalMilliseconds, status, errorCode));
        return false;
    }

    private Scored PredictCsv(IScoringModel model, ReadOnlySpan<byte> body, HttpContext context)
    {
        // Without quotes every line is a row: refuse before parsing instead of after building every row's cells.
        var lines = body.Count((byte)'\n') + (body.Length > 0 && body[^1] != (byte)'\n' ? 1 : 0);
        if (lines - 1 > options.Value.MaxRowsPerRequest && body.IndexOf((byte)'"') < 0)
            throw TooManyRows(lines - 1);
        var table = CsvRequestParser.Parse(body);
        CheckRows(table);
        return Predict(model, SchemaEnforcer.Enforce(table, model.InputSchema), ScoringParams.Empty, context);
    }

    private void CheckRows(RawTable table)
    {
        if (table.RowCount > options.Value.MaxRowsPerRequest)
            throw TooManyRows(table.RowCount);
    }

    private ScoringException TooManyRows(int rows) => new(
        $"The request has {rows} rows; this server scores at most {options.Value.MaxRowsPerRequest} rows per request " +
        "(Scoring:MaxRowsPerRequest, --max-rows). Split it into smaller requests.",
        ScoringErrorCodes.BadRequest,
        StatusCodes.Status413PayloadTooLarge);

    private Scored PredictJson(IScoringModel model, ReadOnlyMemory<byte> body, HttpContext context)
    {
        // JsonDocument checks UTF-8 lazily (when a string is read); check it whole up front so that a bad
        // byte is the client's 400, not an InvalidOperationException deep in the parser.
        if (!Utf8.IsValid(body.Span))
        {
            throw ScoringException.InvalidInput("Ensure that input is a valid JSON formatted string. Error: 'the body is not valid UTF-8'");
        }

        body = JsonNonFiniteLiterals.Rewrite(body);
        JsonEscapeCheck.ThrowIfInvalid(body.Span);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw ScoringException.InvalidInput($"Ensure that input is a valid JSON formatted string. Error: '{ex.Message}'");
        }

        using (document)
        {
            var (table, parameters) = JsonRequestParser.Parse(document, model.InputSchema);
            CheckRows(table);
            return Predict(model, SchemaEnforcer.Enforce(table, model.InputSchema), parameters, context);
        }
    }

    private Scored Predict(IScoringModel model, ScoringBatch batch, ScoringParams parameters, HttpContext context)
    {
        if (parameters.PredictProba && !model.SupportsProbabilities)
        {
            throw ScoringException.InvalidParameter(
                $"This model does not produce class probabilities: '{ScoringParams.PredictProbaKey}' is only available for classifiers.");
        }

        var predictions = model.Predict(batch, parameters, context.RequestAborted);
        if (predictions.Count != batch.RowCount)
        {
            throw new InvalidOperationException($"The model returned {predictions.Count} predictions for {batch.RowCount} rows.");
        }

        metrics.RecordPredictions(batch.RowCount);
        return new Scored(batch, predictions, parameters.PredictProba);
    }

    /// <summary>A scored request: the enforced rows, their predictions, and whether those are probabilities.</summary>
    private sealed record Scored(ScoringBatch Batch, IReadOnlyList<object?> Predictions, bool Probabilities);
}
