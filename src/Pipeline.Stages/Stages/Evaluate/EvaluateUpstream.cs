namespace Pipeline.Stages.Stages.Evaluate;

/// <summary>What Evaluate reads from upstream: the selected model and the alias holders its baseline gates compare with.</summary>
internal sealed record EvaluateUpstream(SelectedModel Selected, GateBaselines Baselines);
