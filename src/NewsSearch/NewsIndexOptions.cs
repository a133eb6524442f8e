namespace NewsSearch;

/// <summary>Settings of a <see cref="NewsIndex"/>. Immutable; every property has a documented default.</summary>
public sealed record NewsIndexOptions
{
    /// <summary>The defaults.</summary>
    public static NewsIndexOptions Default { get; } = new();

    /// <summary>Memory the writer fills before it flushes a segment, in MB. Default: 256 (measured: README, "Threads and RAM buffer").</summary>
    public double RamBufferMB { get; init; } = 256;

    /// <summary>Whether indexing finds the quotations and speakers of each article. Default: <c>true</c>.</summary>
    public bool ExtractSpeakers { get; init; } = true;

    /// <summary>BM25 term-frequency saturation. Default: 1.2.</summary>
    public float BM25K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation. Default: 0.75.</summary>
    public float BM25B { get; init; } = 0.75f;
}
