using Pipeline.Ml.Drift;

namespace Pipeline.Stages.Monitoring;

/// <summary>
/// What was read from a prediction log: the rows with full inputs, as a <see cref="LiveSample"/> over the profile's features,
/// and counts of what was left out and why, so the report can say what it is based on.
/// </summary>
/// <param name="Sample">The rows answered by the model (not shadow rows) with their inputs; predictions only for the profiled version.</param>
/// <param name="Sources">The files or runs read.</param>
/// <param name="Lines">Lines in the window.</param>
/// <param name="HashedOnly">Answered rows logged with <c>--log-inputs hash</c>: no values to compare.</param>
/// <param name="Refused">Refused requests (no rows).</param>
/// <param name="Shadow">Rows a shadow challenger scored (the champion's row carries the same inputs).</param>
/// <param name="OtherModels">Rows of another registered model.</param>
/// <param name="Malformed">Lines that were not a JSON object (e.g. a half-written last line after a kill -9).</param>
/// <param name="First">The earliest time among the rows compared.</param>
/// <param name="Last">The latest.</param>
public sealed record LoggedRows(
    LiveSample Sample, int Sources, long Lines, long HashedOnly, long Refused, long Shadow, long OtherModels, long Malformed,
    DateTimeOffset? First, DateTimeOffset? Last);
