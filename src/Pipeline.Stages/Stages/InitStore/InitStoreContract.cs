using Pipeline.Stages.Running;

namespace Pipeline.Stages.Stages.InitStore;

/// <summary>
/// InitStore's contract. Reads: the experiment name and the tracking location. Upstream: nothing. Leaves: the store
/// (created or migrated), the artifact root, the experiment (<c>experiment_id</c>). Skip rule: none; it is idempotent
/// and says what it found.
/// </summary>
internal sealed class InitStoreContract : StageContract<InitStoreInput>
{
    /// <inheritdoc/>
    public override StageName Name => StageName.InitStore;

    /// <inheritdoc/>
    protected override Task<InitStoreInput> ReadUpstreamAsync(StageContext context, CancellationToken ct) =>
        Task.FromResult(new InitStoreInput(context.Spec.Experiment, context.Location));

    /// <inheritdoc/>
    protected override Fingerprint? FingerprintOf(StageContext context, InitStoreInput upstream) => null;

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, InitStoreInput input, Fingerprint? fingerprint, CancellationToken ct)
    {
        var output = await new InitStoreStage(context.Store, context.Reporter).RunAsync(input, ct);
        return StageResult.Succeeded(Name, $"experiment '{input.ExperimentName}' ready (id {output.ExperimentId})",
            new Dictionary<string, string> { ["experiment_id"] = output.ExperimentId });
    }
}
