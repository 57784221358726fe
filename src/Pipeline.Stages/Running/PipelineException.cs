namespace Pipeline.Stages.Running;

/// <summary>A failure a user can act on (bad pipeline file, missing data, unreachable store): its message is printed as is, without a stack trace.</summary>
public class PipelineException(string message, Exception? inner = null) : Exception(message, inner);
