namespace Pipeline.Stages.Spec;

/// <summary>
/// What the loader needs to know about trainers: their names, the task kinds each supports and their
/// parameters. Implemented by the ML layer's trainer catalog; tests use a small fixture.
/// </summary>
public interface ITrainerCatalog
{
    /// <summary>All trainers, for listing and for "did you mean" suggestions.</summary>
    IReadOnlyCollection<TrainerDescriptor> Trainers { get; }

    /// <summary>The trainer called <paramref name="name"/> (exact, case-sensitive), or null.</summary>
    TrainerDescriptor? Find(string name);
}
