using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores.Rest;

namespace Pipeline.Server.Api;

/// <summary>
/// A request's parameters as MLflow's handlers read them (<c>_get_request_message</c>): the query string for a GET
/// that has one (and for a bodiless DELETE), the JSON body otherwise, even for a GET without a query string (an empty
/// body is <c>{}</c>). List parameters repeat their key in a query string.
/// </summary>
internal sealed class RequestArgs : IDisposable
{
    private readonly JsonDocument? _body;
    private readonly IQueryCollection? _query;

    private RequestArgs(JsonDocument? body, IQueryCollection? query)
    {
        _body = body;
        _query = query;
    }

    /// <summary>The JSON body's root (an empty object for query-string requests).</summary>
    public JsonElement Body => _body?.RootElement ?? default;

    public static async Task<RequestArgs> ReadAsync(HttpContext http)
    {
        var request = http.Request;
        if ((HttpMethods.IsGet(request.Method) && request.Query.Count > 0) || (HttpMethods.IsDelete(request.Method) && request.ContentLength is null or 0 && request.Query.Count > 0))
            return new RequestArgs(null, request.Query);
        var reader = request.BodyReader;
        ReadResult result;
        while (true)
        {
            result = await reader.ReadAsync(http.RequestAborted);
            if (result.IsCompleted)
                break;
            // Nothing consumed yet: ask for more until the whole (size-limited) body is buffered.
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }

        var buffer = result.Buffer;
        try
        {
            if (buffer.IsEmpty)
                return new RequestArgs(JsonDocument.Parse("{}"), null);
            // JsonDocument keeps the memory it is given; the pipe's buffers return to Kestrel's pool (and to other
            // connections) at AdvanceTo below, so the document gets its own copy.
            var bytes = buffer.ToArray();
            var doc = JsonDocument.Parse(bytes);
            try
            {
                JsonEscapeCheck.ThrowIfInvalid(bytes);
            }
            catch
            {
                doc.Dispose();
                throw;
            }

            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                doc.Dispose();
                throw new TrackingException(ErrorCode.BadRequest, "Malformed request: the JSON body must be an object.");
            }

            return new RequestArgs(doc, null);
        }
        catch (JsonException e)
        {
            throw new TrackingException(ErrorCode.BadRequest, $"Malformed request: the body is not valid JSON ({e.Message})");
        }
        finally
        {
            reader.AdvanceTo(buffer.End);
        }
    }

    public string? String(string name)
    {
        if (_query is not null)
            return _query.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;
        return MlflowJsonReader.String(Body, name);
    }

    /// <summary>An optional string parameter; absent is <c>""</c>, as a proto2 string field MLflow reads without <c>HasField</c>.</summary>
    public string OptionalString(string name) => String(name) ?? "";

    /// <summary>The parameter, or INVALID_PARAMETER_VALUE "Missing value for required parameter ..." as MLflow says it.</summary>
    public string Required(string name) => String(name) is { Length: > 0 } value ? value : throw Missing(name);

    /// <summary><c>run_id</c>, or the deprecated <c>run_uuid</c> MLflow still accepts.</summary>
    public string RunId() => String("run_id") is { Length: > 0 } id ? id : String("run_uuid") is { Length: > 0 } uuid ? uuid : throw Missing("run_id");

    public long? Long(string name)
    {
        if (_query is null)
            return MlflowJsonReader.Long(Body, name);
        var text = String(name);
        if (text is null)
            return null;
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new TrackingException(ErrorCode.InvalidParameterValue, $"Invalid value {text} for parameter '{name}' supplied: expected an integer");
    }

    public int Int(string name, int defaultValue)
    {
        var value = Long(name) ?? defaultValue;
        return value is > int.MaxValue or < int.MinValue
            ? throw new TrackingException(ErrorCode.InvalidParameterValue, $"Invalid value {value} for parameter '{name}' supplied: out of range")
            : (int)value;
    }

    public double? Double(string name)
    {
        if (_query is null)
            return MlflowJsonReader.Double(Body, name);
        var text = String(name);
        return text is null ? null : MlflowJsonReader.ParseDouble(text)
            ?? throw new TrackingException(ErrorCode.InvalidParameterValue, $"Invalid value {text} for parameter '{name}' supplied: expected a number");
    }

    /// <summary>A bool parameter: JSON <c>true</c>/<c>false</c> (or that text in a query string); absent is null.</summary>
    public bool? Bool(string name)
    {
        if (_query is null && Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value))
        {
            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => throw new TrackingException(ErrorCode.InvalidParameterValue,
                    $"Invalid value {value.GetRawText()} for parameter '{name}' supplied: expected true or false"),
            };
        }

        var text = _query is null ? null : String(name);
        return text switch
        {
            null => null,
            _ when text.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
            _ when text.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
            _ => throw new TrackingException(ErrorCode.InvalidParameterValue, $"Invalid value {text} for parameter '{name}' supplied: expected true or false"),
        };
    }

    public IReadOnlyList<string> Strings(string name)
    {
        if (_query is not null)
            return _query.TryGetValue(name, out var v) ? v.Where(s => s is not null).Select(s => s!).ToList() : [];
        return MlflowJsonReader.Array(Body, name).Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToList();
    }

    public IReadOnlyList<RunTag> Tags(string name = "tags") => _query is null ? MlflowJsonReader.ReadTags(Body, name) : [];

    /// <summary><c>view_type</c> / <c>run_view_type</c>: ACTIVE_ONLY (default), DELETED_ONLY, ALL, or their numbers 1-3.</summary>
    public ViewType View(string name) => String(name) switch
    {
        null or "" or "ACTIVE_ONLY" or "1" => ViewType.ActiveOnly,
        "DELETED_ONLY" or "2" => ViewType.DeletedOnly,
        "ALL" or "3" => ViewType.All,
        var other => throw new TrackingException(ErrorCode.InvalidParameterValue,
            $"Invalid value {other} for parameter '{name}' supplied. Expected one of ACTIVE_ONLY, DELETED_ONLY, ALL"),
    };

    public void Dispose() => _body?.Dispose();

    public static TrackingException Missing(string name) => new(ErrorCode.InvalidParameterValue,
        $"Missing value for required parameter '{name}'. See the API docs for more information about request parameters.");
}
