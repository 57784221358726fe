using Pipeline.Ml.Data;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Stages;

/// <summary>Fetches what earlier stages logged on their runs into a local scratch folder.</summary>
internal sealed class RunArtifacts(ArtifactRepositoryRegistry repositories)
{
    /// <summary>Downloads one artifact of <paramref name="run"/> into <paramref name="scratch"/>; returns its local path.</summary>
    public Task<string> DownloadAsync(Run run, string artifactPath, ScratchFolder scratch, CancellationToken ct) =>
        repositories.Open(run.Info.ArtifactUri).DownloadAsync(artifactPath, scratch.Path, ct);

    /// <summary>Downloads and loads one of the pipeline run's splits with the data section's label and task.</summary>
    public async Task<DataTable> LoadSplitAsync(Run pipelineRun, string artifactPath, DataSpec data, ScratchFolder scratch, CancellationToken ct)
    {
        var local = await DownloadAsync(pipelineRun, artifactPath, scratch, ct);
        return new CsvDataLoader(new CsvLoadOptions { LabelColumn = data.Label, Task = data.Task }).Load(local);
    }
}
