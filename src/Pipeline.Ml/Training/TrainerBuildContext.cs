namespace Pipeline.Ml.Training;

/// <summary>What a trainer factory needs besides the ML context.</summary>
/// <param name="Configuration">The validated configuration.</param>
/// <param name="LabelColumn">The label column name in the data view.</param>
/// <param name="FeatureColumn">The concatenated, normalised feature vector column.</param>
/// <param name="RowCount">Training rows in this fit (SDCA scales its L2 weight by it).</param>
internal sealed record TrainerBuildContext(TrainerConfiguration Configuration, string LabelColumn, string FeatureColumn, int RowCount)
{
    public double this[string parameter] => Configuration[parameter];

    public int Int(string parameter) => (int)Configuration[parameter];

    public float Float(string parameter) => (float)Configuration[parameter];

    public int Seed => Configuration.Seed;
}
