using Pipeline.Stages.Running;

namespace Pipeline.Stages.Monitoring;

/// <summary>A <c>--fail-on</c> condition that names a feature the model does not have: a mistake on the command line.</summary>
public sealed class DriftConditionException(string message) : PipelineException(message);
