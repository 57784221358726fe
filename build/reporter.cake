using Pipeline.Stages.Running;

// Sends stage messages to Cake's log, so verbosity flags and CI log formatting apply to them.
public sealed class CakeStageReporter : IStageReporter
{
    private readonly ICakeContext _context;

    public CakeStageReporter(ICakeContext context) => _context = context;

    // A GitHub Actions workflow command (::error, ::warning) counts only when its line starts with "::"; Cake's log
    // colours its lines with ANSI escapes before the text, so these go to the console as they are.
    public void Info(string message)
    {
        if (message.StartsWith("::", StringComparison.Ordinal))
            System.Console.Out.WriteLine(message);
        else
            _context.Information(message);
    }

    public void Warning(string message) => _context.Warning(message);

    public void Error(string message) => _context.Error(message);
}
