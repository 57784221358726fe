namespace Pipeline.Tracking.Stores;

/// <summary>Makes the name of a run created without one (MLflow's <c>adjective-noun-number</c> style).</summary>
public interface IRunNameGenerator
{
    /// <summary>A new run name such as <c>brave-owl-412</c>.</summary>
    string Next();
}
