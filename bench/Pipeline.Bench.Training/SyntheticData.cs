using System.Globalization;

namespace Pipeline.Bench.Training;

/// <summary>
/// Writes a seeded synthetic binary classification CSV: <see cref="FeatureCount"/> standard normal features
/// <c>f00..f29</c> and a label <c>target</c> = 1 when w·x + noise &gt; 0, with weights drawn from the same seed
/// and noise of standard deviation 2 (so the problem is learnable but not separable: ROC AUC about 0.9).
/// </summary>
internal static class SyntheticData
{
    public const int FeatureCount = 30;
    public const string Label = "target";

    public static void Write(string path, int rows, int seed = 42)
    {
        var random = new Random(seed);
        var weights = Enumerable.Range(0, FeatureCount).Select(_ => Gaussian(random)).ToArray();
        using var writer = new StreamWriter(path, append: false, System.Text.Encoding.ASCII, bufferSize: 1 << 20);
        writer.WriteLine(string.Join(',', Enumerable.Range(0, FeatureCount).Select(j => $"f{j:D2}").Append(Label)));
        var row = new double[FeatureCount];
        for (var i = 0; i < rows; i++)
        {
            var z = 2 * Gaussian(random);
            for (var j = 0; j < FeatureCount; j++)
            {
                row[j] = Gaussian(random);
                z += weights[j] * row[j];
                writer.Write(row[j].ToString("F5", CultureInfo.InvariantCulture));
                writer.Write(',');
            }

            writer.WriteLine(z > 0 ? '1' : '0');
        }
    }

    // Box-Muller; one of the pair is enough for a bench.
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
