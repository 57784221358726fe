using System.Security.Cryptography;
using Pipeline.Ml.Data;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Stages;

/// <summary>Fetches what earlier stages logged on their runs into a local scratch folder.</summary>
internal sealed class RunArtifacts(ArtifactRepositoryRegistry repositories)
{
    /// <summary>
    /// Downloads one artifact of <paramref name="run"/> into <paramref name="scratch"/> and returns its local path. When the
    /// run records the artifact's SHA-256 (<see cref="PipelineTags.ArtifactSha256Prefix"/>), the download is checked
    /// against it: a different file is an error naming it, never silently another model or split.
    /// </summary>
    public async Task<string> DownloadAsync(Run run, string artifactPath, ScratchFolder scratch, CancellationToken ct)
    {
        var local = await repositories.Open(run.Info.ArtifactUri).DownloadAsync(artifactPath, scratch.Path, ct);
        if (run.Data.Tag(PipelineTags.ArtifactSha256Prefix + artifactPath) is { } expected)
        {
            string actual;
            await using (var file = File.OpenRead(local))
                actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                throw new PipelineException($"artifact {artifactPath} of run {run.Info.RunId} is not the file that was logged: its SHA-256 is {actual}, " +
                    $"the run recorded {expected} (tag {PipelineTags.ArtifactSha256Prefix}{artifactPath}). It was changed or corrupted in the artifact store; rerun the stage that logged it.");
            }
        }
        return local;
    }

    /// <summary>Downloads and loads one of the pipeline run's splits with the data section's label and task.</summary>
    public async Task<DataTable> LoadSplitAsync(Run pipelineRun, string artifactPath, DataSpec data, ScratchFolder scratch, CancellationToken ct)
    {
        var local = await DownloadAsync(pipelineRun, artifactPath, scratch, ct);
        return new CsvDataLoader(new CsvLoadOptions { LabelColumn = data.Label, Task = data.Task }).Load(local);
    }
}
