namespace Pipeline.Ml.Data;

/// <summary>
/// The arithmetic of pandas' <c>hash_array</c> for 64-bit numbers and of its <c>combine_hash_arrays</c>
/// (a tuple hash in the style of CPython's), so that digests match what MLflow computes in Python.
/// </summary>
internal static class PandasHash
{
    public static ulong Mix(ulong x)
    {
        unchecked
        {
            x ^= x >> 30;
            x *= 0xBF58476D1CE4E5B9UL;
            x ^= x >> 27;
            x *= 0x94D049BB133111EBUL;
            x ^= x >> 31;
            return x;
        }
    }

    public static ulong Combine(ReadOnlySpan<ulong> hashes)
    {
        unchecked
        {
            ulong mult = 1000003UL;
            ulong result = 0x345678UL;
            for (var i = 0; i < hashes.Length; i++)
            {
                var inverse = (ulong)(hashes.Length - i);
                result ^= hashes[i];
                result *= mult;
                mult += 82520UL + inverse + inverse;
            }

            return result + 97531UL;
        }
    }
}
