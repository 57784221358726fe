namespace Pipeline.Ml.Data;

/// <summary>
/// Deterministic train/test splits and K-fold partitions: the same table and seed always give the same
/// rows. Classification tables are stratified by default (each class split in proportion); regression,
/// and classification with <c>stratify: false</c>, is a plain seeded shuffle.
/// Randomness is <see cref="Random"/> with the given seed, whose seeded sequence .NET keeps stable.
/// </summary>
public static class DataSplitter
{
    /// <summary>
    /// Splits rows into train and test. The test size is <c>ceil(testFraction · n)</c>, as scikit-learn's
    /// <c>train_test_split</c>; for classification it is shared between classes in proportion to their
    /// counts (largest remainders first), and every class with two or more rows keeps one row on each side.
    /// </summary>
    /// <param name="table">The table to split.</param>
    /// <param name="testFraction">The fraction for the test side, in (0, 1). Typical: 0.2.</param>
    /// <param name="seed">The seed; default 42.</param>
    /// <param name="stratify">
    /// Whether classification is split class by class (default true); false shuffles all rows together
    /// and takes the first <c>ceil(testFraction · n)</c> as the test side, as regression always does.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside (0, 1) or leaves a side empty.</exception>
    public static DataSplit TrainTestSplit(DataTable table, double testFraction, int seed = 42, bool stratify = true)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!(testFraction > 0 && testFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be in (0, 1).");
        var n = table.RowCount;
        var testCount = (int)Math.Ceiling(testFraction * n);
        if (testCount >= n)
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, $"A test fraction of {testFraction} leaves no training rows out of {n}.");

        var random = new Random(seed);
        var groups = stratify ? Groups(table) : [Enumerable.Range(0, n).ToList()];
        foreach (var g in groups) Shuffle(g, random);
        var quotas = Allocate(groups.Select(g => g.Count).ToArray(), testCount);
        var test = new List<int>();
        var train = new List<int>();
        for (var g = 0; g < groups.Count; g++)
        {
            test.AddRange(groups[g].Take(quotas[g]));
            train.AddRange(groups[g].Skip(quotas[g]));
        }

        train.Sort();
        test.Sort();
        return new DataSplit(table.Subset(train), table.Subset(test), train, test);
    }

    /// <summary>
    /// Partitions rows into <paramref name="folds"/> folds: within each class (or over all rows for regression)
    /// rows are shuffled and dealt round-robin, continuing the count across classes, so that folds differ
    /// in size by at most one row and hold each class in proportion (as scikit-learn's StratifiedKFold).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 folds or more folds than rows.</exception>
    public static IReadOnlyList<CrossValidationFold> KFold(DataTable table, int folds = 5, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (folds < 2 || folds > table.RowCount)
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"Folds must be between 2 and the row count ({table.RowCount}).");
        var random = new Random(seed);
        var assignment = new int[table.RowCount];
        var next = 0;
        foreach (var group in Groups(table))
        {
            Shuffle(group, random);
            foreach (var row in group) assignment[row] = next++ % folds;
        }

        return Enumerable.Range(0, folds).Select(f => new CrossValidationFold(
            f,
            Enumerable.Range(0, table.RowCount).Where(r => assignment[r] != f).ToArray(),
            Enumerable.Range(0, table.RowCount).Where(r => assignment[r] == f).ToArray())).ToArray();
    }

    // One group per class in class order, or a single group for regression; rows ascending within a group.
    private static List<List<int>> Groups(DataTable table)
    {
        if (table.Task == TaskKind.Regression) return [Enumerable.Range(0, table.RowCount).ToList()];
        var classes = table.ClassIndices();
        return Enumerable.Range(0, table.ClassValues.Count)
            .Select(c => Enumerable.Range(0, classes.Length).Where(r => classes[r] == c).ToList())
            .ToList();
    }

    private static void Shuffle(List<int> rows, Random random)
    {
        for (var i = rows.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
    }

    // Largest-remainder allocation of `total` test rows over groups; ties go to the earlier group.
    private static int[] Allocate(int[] counts, int total)
    {
        var n = counts.Sum();
        var exact = counts.Select(c => (double)c * total / n).ToArray();
        var quotas = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var order = Enumerable.Range(0, counts.Length).OrderByDescending(g => exact[g] - quotas[g]).ThenBy(g => g).ToArray();
        for (var k = 0; quotas.Sum() < total; k++) quotas[order[k % order.Length]]++;
        for (var g = 0; g < counts.Length; g++)
        {
            // Keep a class on both sides when it can be: move one row from or to the largest other quota.
            if (counts[g] >= 2 && quotas[g] == 0) Move(quotas, counts, from: ArgMax(quotas, g), to: g);
            if (counts[g] >= 2 && quotas[g] == counts[g]) Move(quotas, counts, from: g, to: ArgMinSpare(quotas, counts, g));
        }

        return quotas;
    }

    private static int ArgMax(int[] quotas, int except) =>
        Enumerable.Range(0, quotas.Length).Where(g => g != except).OrderByDescending(g => quotas[g]).First();

    private static int ArgMinSpare(int[] quotas, int[] counts, int except) =>
        Enumerable.Range(0, quotas.Length).Where(g => g != except).OrderByDescending(g => counts[g] - quotas[g]).First();

    private static void Move(int[] quotas, int[] counts, int from, int to)
    {
        if (quotas[from] > 0 && quotas[to] < counts[to]) { quotas[from]--; quotas[to]++; }
    }
}
