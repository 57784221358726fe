namespace Pipeline.Docker;

/// <summary>A container whose server answered its health path.</summary>
/// <param name="Id">Container id.</param>
/// <param name="Name">Container name (without the leading '/').</param>
/// <param name="Url">Base URL of the server, e.g. <c>http://127.0.0.1:8080</c> (no trailing '/').</param>
/// <param name="Image">The image it runs.</param>
/// <param name="TimeToHealthy">From the start request to the first healthy answer.</param>
public sealed record RunningContainer(string Id, string Name, Uri Url, string Image, TimeSpan TimeToHealthy);
