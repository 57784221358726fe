namespace Pipeline.Server.Hosting;

/// <summary>The tracking server cannot start: bad options, or the store or port cannot be opened. The message says which.</summary>
public sealed class TrackingServerStartupException(string message, Exception? inner = null) : Exception(message, inner);
