using Npgsql;

namespace Pipeline.Tracking.Stores;

/// <summary>Reads <c>postgresql://user:password@host:port/database?sslmode=...</c> (also <c>postgres://</c>, <c>postgresql+driver://</c>).</summary>
public static class PostgresUri
{
    /// <summary>The Npgsql connection string for <paramref name="uri"/>; the port defaults to 5432, the database to the user's name.</summary>
    public static string ToConnectionString(string uri)
    {
        var schemeEnd = uri.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "" : uri[..schemeEnd].Split('+')[0].ToLowerInvariant();
        if (scheme is not ("postgresql" or "postgres") || !Uri.TryCreate("pg" + uri[schemeEnd..], UriKind.Absolute, out var parsed))
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue,
                $"Invalid PostgreSQL tracking URI '{Redact(uri)}': expected 'postgresql://user:password@host:port/database'.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = parsed.Host,
            Port = parsed.IsDefaultPort || parsed.Port < 0 ? 5432 : parsed.Port,
        };
        var userInfo = parsed.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        var database = Uri.UnescapeDataString(parsed.AbsolutePath.Trim('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            switch (kv[0])
            {
                case "sslmode": builder.SslMode = Enum.Parse<SslMode>(value.Replace("-", ""), ignoreCase: true); break;
                case "application_name": builder.ApplicationName = value; break;
                case "connect_timeout": builder.Timeout = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                default:
                    throw new TrackingException(ErrorCode.InvalidParameterValue,
                        $"Unsupported query parameter '{kv[0]}' in PostgreSQL tracking URI; supported: sslmode, application_name, connect_timeout.");
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>The URI with its password replaced by <c>***</c>, for messages.</summary>
    public static string Redact(string uri)
    {
        var at = uri.IndexOf('@');
        var start = uri.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || start < 0)
        {
            return uri;
        }

        var colon = uri.IndexOf(':', start + 3);
        return colon > 0 && colon < at ? uri[..(colon + 1)] + "***" + uri[at..] : uri;
    }
}
