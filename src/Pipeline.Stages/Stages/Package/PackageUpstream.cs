using Pipeline.Stages.Stages.Evaluate;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;

namespace Pipeline.Stages.Stages.Package;

/// <summary>What Package reads from upstream: the registry, the selected model and the evaluation that passed it.</summary>
internal sealed record PackageUpstream(IModelRegistry Registry, SelectedModel Selected, Run Evaluation);
