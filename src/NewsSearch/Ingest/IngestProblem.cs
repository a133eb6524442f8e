namespace NewsSearch;

/// <summary>Input that was not indexed: which input, which line, and why.</summary>
/// <param name="Source">The file (or archive member) as the user named it.</param>
/// <param name="Line">One-based line of the problem, or <c>null</c> when it concerns the whole input.</param>
/// <param name="Reason">What is wrong and what to do about it.</param>
public sealed record IngestProblem(string Source, int? Line, string Reason)
{
    /// <summary>The problem as a compiler-style diagnostic: <c>source:line: reason</c>.</summary>
    public override string ToString() => Line is { } line ? $"{Source}:{line}: {Reason}" : $"{Source}: {Reason}";
}
