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
    IOptions<ScoringServerOptions> options,
    ScoringMetrics metrics,
    LargeRequestGate gate,
    TimeProvider time,
    ChallengerRouter router,
    PredictionLogQueue? log = null)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public async Task HandleAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        var requestId = log is null && !router.HasChallenger ? null : RequestIds.Ensure(context);
        var route = router.Route(context, requestId);
        var model = route.Answering;
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
                ? PredictCsv(model, route.Shadow, body.Memory.Span, context)
                : PredictJson(model, route.Shadow, body.Memory, context);

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
        catch (Exception) when (Log(context, requestId, model, route.Role, null, started, StatusCodes.Status500InternalServerError))
        {
            throw; // never reached: the filter logs and lets the middleware answer 500
        }

        Log(context, requestId, model, route.Role, scored, started, context.Response.StatusCode);
        if (route.Shadow is { } shadow && scored is not null)
            await ScoreShadowAsync(context, requestId, shadow, scored).ConfigureAwait(false);
    }

    /// <summary>
    /// The challenger in shadow mode scores the rows once the champion's answer has gone out, so the caller never waits for
    /// it; its predictions (or its refusal) go to the log only.
    /// </summary>
    private async Task ScoreShadowAsync(HttpContext context, string? requestId, IScoringModel shadow, Scored scored)
    {
        await context.Response.CompleteAsync().ConfigureAwait(false);
        var started = time.GetTimestamp();
        IReadOnlyList<object?>? predictions = null;
        var (status, errorCode) = (StatusCodes.Status200OK, (string?)null);
        try
        {
            if (scored.ShadowBatch is not { } batch)
                throw scored.ShadowRefusal!;
            predictions = shadow.Predict(batch, scored.Parameters, CancellationToken.None);
            if (predictions.Count != batch.RowCount)
                throw new InvalidOperationException($"The challenger returned {predictions.Count} predictions for {batch.RowCount} rows.");
        }
        catch (ScoringException refusal)
        {
            (status, errorCode, predictions) = (refusal.StatusCode, refusal.ErrorCode, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A challenger bug must not reach the champion's caller, who has been answered already.
            (status, errorCode, predictions) = (StatusCodes.Status500InternalServerError, ScoringErrorCodes.InternalError, null);
        }

        if (log is not null && requestId is not null && log.IsSampled(requestId))
        {
            log.TryEnqueue(
                new LoggedRequest(requestId, time.GetUtcNow(), shadow.Version, ChallengerRouter.ShadowRole, default, predictions,
                    scored.Parameters.PredictProba, time.GetElapsedTime(started).TotalMilliseconds, status, errorCode),
                predictions is null ? null : scored.ShadowBatch);
        }
    }

    /// <summary>Queues the answered request for the prediction log (when on and sampled); always false, for use as a filter.</summary>
    private bool Log(HttpContext context, string? requestId, IScoringModel? model, string? role, Scored? scored, long started, int status)
    {
        if (log is null || requestId is null || !log.IsSampled(requestId))
            return false;
        var errorCode = status >= 500 ? ScoringErrorCodes.InternalError
            : context.Items.TryGetValue(ScoringErrorWriter.ErrorCodeItem, out var code) ? code as string : null;
        log.TryEnqueue(
            new LoggedRequest(requestId, time.GetUtcNow(), model?.Version ?? "", role, default, scored?.Predictions, scored?.Parameters.PredictProba ?? false,
                time.GetElapsedTime(started).TotalMilliseconds, status, errorCode),
            scored?.Batch);
        return false;
    }

    private Scored PredictCsv(IScoringModel model, IScoringModel? shadow, ReadOnlySpan<byte> body, HttpContext context)
    {
        // Without quotes every line is a row: refuse before parsing instead of after building every row's cells.
        var lines = body.Count((byte)'\n') + (body.Length > 0 && body[^1] != (byte)'\n' ? 1 : 0);
        if (lines - 1 > options.Value.MaxRowsPerRequest && body.IndexOf((byte)'"') < 0)
            throw TooManyRows(lines - 1);
        var table = CsvRequestParser.Parse(body);
        CheckRows(table);
        return Predict(model, shadow, table, ScoringParams.Empty, context);
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

    private Scored PredictJson(IScoringModel model, IScoringModel? shadow, ReadOnlyMemory<byte> body, HttpContext context)
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
            return Predict(model, shadow, table, parameters, context);
        }
    }

    private Scored Predict(IScoringModel model, IScoringModel? shadow, RawTable table, ScoringParams parameters, HttpContext context)
    {
        var batch = SchemaEnforcer.Enforce(table, model.InputSchema);
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
        if (shadow is null)
            return new Scored(batch, predictions, parameters, null, null);
        // The shadow's rows are enforced now, while the request's JSON is alive; it scores them after the answer.
        try
        {
            var shadowBatch = ReferenceEquals(shadow.InputSchema, model.InputSchema) ? batch : SchemaEnforcer.Enforce(table, shadow.InputSchema);
            if (parameters.PredictProba && !shadow.SupportsProbabilities)
                throw ScoringException.InvalidParameter("The challenger does not produce class probabilities.");
            return new Scored(batch, predictions, parameters, shadowBatch, null);
        }
        catch (ScoringException refusal)
        {
            return new Scored(batch, predictions, parameters, null, refusal);
        }
    }

    /// <summary>
    /// A scored request: the enforced rows, their predictions, the request's parameters; in shadow mode the rows enforced against the
    /// challenger's signature, or why it refuses them.
    /// </summary>
    private sealed record Scored(ScoringBatch Batch, IReadOnlyList<object?> Predictions, ScoringParams Parameters, ScoringBatch? ShadowBatch, ScoringException? ShadowRefusal);
}
