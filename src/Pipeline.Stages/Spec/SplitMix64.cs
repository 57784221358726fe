namespace Pipeline.Stages.Spec;

/// <summary>
/// A small seeded generator with a fixed, documented algorithm (Steele, Lea and Flood's SplitMix64), so that a
/// seed gives the same draws on every runtime version, unlike an unspecified library generator.
/// </summary>
internal sealed class SplitMix64(long seed)
{
    private ulong state = unchecked((ulong)seed);

    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="count"/>).</summary>
    public long NextIndex(long count) => (long)(NextUInt64() % (ulong)count);
}
