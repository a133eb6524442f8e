namespace NewsSearch.Indexing;

/// <summary>
/// The ids written to an index since it was empty, as one bit per id hash: a clear bit proves the id was never
/// written, a set bit only that it may have been (then the index itself is asked). A fixed 4 MB whatever the
/// archive's size; at a million ids about 3 % of new articles still take the slow check. Safe for concurrent use.
/// </summary>
internal sealed class WrittenIds
{
    private const int Bits = 1 << 25;

    private readonly long[] words = new long[Bits / 64];

    public void Add(string id)
    {
        var bit = Bit(id);
        Interlocked.Or(ref words[bit >> 6], 1L << (bit & 63));
    }

    public bool MayContain(string id)
    {
        var bit = Bit(id);
        return (Volatile.Read(ref words[bit >> 6]) & (1L << (bit & 63))) != 0;
    }

    private static int Bit(string id) => StringComparer.Ordinal.GetHashCode(id) & (Bits - 1);
}
