using System.Text;

namespace Pipeline.Tracking.Stores.Sql;

/// <summary>
/// Turns UTF-8 bytes into strings, handing out one string per distinct value. A page of runs repeats the same run id
/// on every tag, param and metric row and the same keys and short values on every run; decoding each occurrence was
/// most of the allocation of reading a page. Lives for one read, so it needs no eviction.
/// </summary>
internal sealed class Utf8StringPool
{
    private Entry[] _entries = new Entry[256];
    private int _count;

    /// <summary>The string for these bytes, decoded once per distinct value.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return "";
        }

        var hash = HashOf(utf8);
        var mask = _entries.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var entry = ref _entries[i];
            if (entry.Utf8 is null)
            {
                var value = Encoding.UTF8.GetString(utf8);
                entry = new Entry(utf8.ToArray(), value, hash);
                if (++_count * 2 > _entries.Length)
                {
                    Grow();
                }

                return value;
            }

            if (entry.Hash == hash && utf8.SequenceEqual(entry.Utf8))
            {
                return entry.Value;
            }
        }
    }

    private static int HashOf(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode() & int.MaxValue;
    }

    // Open addressing stays fast while at most half the slots are used.
    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        var mask = _entries.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Utf8 is null)
            {
                continue;
            }

            var i = entry.Hash & mask;
            while (_entries[i].Utf8 is not null)
            {
                i = (i + 1) & mask;
            }

            _entries[i] = entry;
        }
    }

    private readonly record struct Entry(byte[]? Utf8, string Value, int Hash);
}
