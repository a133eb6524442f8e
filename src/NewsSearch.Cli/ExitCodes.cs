namespace NewsSearch.Cli;

/// <summary>Process exit codes, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>Done: something matched, every input was indexed.</summary>
    public const int Success = 0;

    /// <summary>Done, but nothing matched (search, show) or some input was rejected (index).</summary>
    public const int NothingFoundOrRejected = 1;

    /// <summary>Nothing done because of an error: bad arguments, a bad query, no index, a locked index.</summary>
    public const int Error = 2;
}
