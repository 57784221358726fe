using System.Text;

namespace Pipeline.Serving.PredictionLog;

/// <summary>
/// Maps a key (a request id, a user header) to a number in [0, 1) that is the same in every process and run (FNV-1a 64 over
/// UTF-8, salted), so a sampling or traffic-split decision taken on it is sticky for that key.
/// </summary>
public static class StickyHash
{
    /// <summary>The key's position in [0, 1) for <paramref name="salt"/>; different salts give independent decisions.</summary>
    public static double Unit(string salt, string key)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(key);
        var hash = 14695981039346656037UL;
        hash = Mix(hash, salt);
        hash = Mix(hash, "\0");
        hash = Mix(hash, key);
        // FNV's low bits mix poorly over short keys; a final avalanche (splitmix64's) spreads them.
        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        hash ^= hash >> 31;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }

    private static ulong Mix(ulong hash, string text)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(text) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(text, buffer)] : Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return hash;
    }
}
