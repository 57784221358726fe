namespace Pipeline.Serving.Model;

/// <summary>A model directory on local disk and what it is, once a model URI has been resolved.</summary>
/// <param name="Directory">The local model directory (MLmodel and its files).</param>
/// <param name="Version">What <c>GET /version</c> answers: <c>name/version</c> for a registry model, else the directory's MLmodel uuid.</param>
/// <param name="TemporaryDirectory">A download folder to delete when the server stops; null for a local directory.</param>
public sealed record ModelLocation(string Directory, string? Version, string? TemporaryDirectory);
