using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Stages.Running;

namespace Pipeline.Stages.Tests.EndToEnd;

/// <summary>How long a single worker's sweep waits for its own last trials (issue 11: speed of the existing sweep).</summary>
public sealed partial class SweepWorkerWaitTests
{
    private const string TwoAtATime = """
        sweep:
          strategy: grid
          seed: 42
          cv_folds: 3
          parallelism: 2
          search_space:
            - trainer: lbfgs_logistic_regression
              params:
                C: [0.1, 1.0]
            - trainer: sdca_logistic_regression
              params:
                C: [1.0]

        """;

    [Fact]
    public async Task OneWorkerRunningTwoAtATime_EndsWhenItsLastTrialEnds_WithoutWaitingOutTheHeartbeatInterval()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer", yaml => SweepSection().Replace(yaml, TwoAtATime));
        await workspace.RunThroughAsync(StageName.PrepareData);
        // A clock that never moves: a loop that ran out of trials while its sibling still ran one used to sleep one
        // heartbeat interval on it (10 s of every `pipeline run`), and here would never wake.
        var frozen = new FakeTimeProvider(DateTimeOffset.UtcNow);

        var result = await workspace.RunAsync(StageName.Sweep, force: false, frozen).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(StageOutcome.Succeeded, result.Outcome);
        Assert.Contains(workspace.Reporter.Lines, l => l.StartsWith("Sweep finished: 3 of 3 trials complete", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(?ms)^sweep:\n.*?(?=^select:)")]
    private static partial Regex SweepSection();
}
