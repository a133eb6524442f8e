namespace NewsSearch.Ingest;

/// <summary>What an input holds, told by its name.</summary>
internal enum InputKind
{
    /// <summary>The seed format (any name not listed below).</summary>
    Seed,

    /// <summary><c>.jsonl</c>, <c>.ndjson</c>.</summary>
    JsonLines,

    /// <summary><c>.tar</c>, <c>.tgz</c>.</summary>
    Tar,

    /// <summary><c>.zip</c>.</summary>
    Zip,
}

/// <summary>The kind of an input and whether it is gzip-compressed: <c>a.jsonl.gz</c> is gzipped JSON Lines.</summary>
internal readonly record struct InputFormat(InputKind Kind, bool Gzipped)
{
    public static InputFormat FromName(string name)
    {
        var lower = name.ToLowerInvariant();
        if (lower.EndsWith(".tgz", StringComparison.Ordinal))
        {
            return new InputFormat(InputKind.Tar, true);
        }
        var gzipped = lower.EndsWith(".gz", StringComparison.Ordinal);
        if (gzipped)
        {
            lower = lower[..^3];
        }
        var kind = Path.GetExtension(lower) switch
        {
            ".jsonl" or ".ndjson" => InputKind.JsonLines,
            ".tar" => InputKind.Tar,
            ".zip" => InputKind.Zip,
            _ => InputKind.Seed,
        };
        return new InputFormat(kind, gzipped);
    }

    /// <summary>Whether the input holds other inputs (an archive), rather than articles.</summary>
    public bool IsArchive => Kind is InputKind.Tar or InputKind.Zip;
}
