namespace Pipeline.Stages.Running;

/// <summary>Where stages write what they are doing; each front end supplies its own (console, Cake log, MSBuild log).</summary>
public interface IStageReporter
{
    void Info(string message);

    void Warning(string message);

    void Error(string message);
}
