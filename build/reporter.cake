using Pipeline.Stages.Running;

// Sends stage messages to Cake's log, so verbosity flags and CI log formatting apply to them.
public sealed class CakeStageReporter : IStageReporter
{
    private readonly ICakeContext _context;

    public CakeStageReporter(ICakeContext context) => _context = context;

    public void Info(string message) => _context.Information(message);

    public void Warning(string message) => _context.Warning(message);

    public void Error(string message) => _context.Error(message);
}
