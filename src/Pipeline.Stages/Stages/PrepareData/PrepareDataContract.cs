using Pipeline.Stages.Running;

namespace Pipeline.Stages.Stages.PrepareData;

/// <summary>
/// PrepareData's contract. Reads: the <c>data:</c> section and the CSV it names. Upstream: the experiment. Fingerprint:
/// the content hashes of the CSV (and of a pinned test file) and the data section. Leaves: a pipeline run (<c>pipeline_run_id</c>) with the dataset
/// records and the split files. Skip rule: the latest finished pipeline run of this file has the same fingerprint.
/// </summary>
internal sealed class PrepareDataContract : StageContract<RunLocator>
{
    /// <inheritdoc/>
    public override StageName Name => StageName.PrepareData;

    /// <inheritdoc/>
    protected override Task<RunLocator> ReadUpstreamAsync(StageContext context, CancellationToken ct) => RunLocator.ForAsync(context, ct);

    /// <inheritdoc/>
    protected override Fingerprint FingerprintOf(StageContext context, RunLocator upstream)
    {
        var data = context.Spec.Data;
        var fingerprint = Fingerprint.For(Name).AddFile("data", data.Path).AddJson("data", data.WithoutFolders());
        return data.TestPath is null ? fingerprint : fingerprint.AddFile("test_data", data.TestPath);
    }

    /// <inheritdoc/>
    protected override async Task<StageResult?> ShouldSkipAsync(StageContext context, RunLocator locator, Fingerprint fingerprint, CancellationToken ct)
    {
        var previous = await locator.LatestAsync(PipelineTags.RolePipeline, null, ct);
        return Matches(previous, PipelineTags.Fingerprint, fingerprint)
            ? Skipped(previous!, new Dictionary<string, string> { ["pipeline_run_id"] = previous!.Info.RunId })
            : null;
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, RunLocator locator, Fingerprint? fingerprint, CancellationToken ct)
    {
        var output = await new PrepareDataStage(context.Tracking, context.Store, context.Reporter)
            .RunAsync(new PrepareDataInput(context.Spec.Data, locator.ExperimentId, locator.PipelineFile), ct);
        await RecordAsync(context, output.PipelineRunId, PipelineTags.Fingerprint, fingerprint, ct);
        return StageResult.Succeeded(Name, $"dataset {output.Digest}: {output.TrainRows} train / {output.TestRows} test rows",
            new Dictionary<string, string> { ["pipeline_run_id"] = output.PipelineRunId, ["digest"] = output.Digest });
    }
}
