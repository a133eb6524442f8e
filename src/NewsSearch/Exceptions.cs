namespace NewsSearch;

/// <summary>Base class of every error NewsSearch reports; the message says what went wrong and what to do.</summary>
public class NewsSearchException : Exception
{
    /// <summary>Creates an exception with a user-facing message.</summary>
    public NewsSearchException(string message) : base(message) { }

    /// <summary>Creates an exception with a user-facing message and the underlying cause.</summary>
    public NewsSearchException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>A query could not be understood: unbalanced quotes or parentheses, a bad date, an unknown field, ...</summary>
public sealed class QuerySyntaxException : NewsSearchException
{
    /// <summary>Creates a query error.</summary>
    /// <param name="query">The query text as the user typed it.</param>
    /// <param name="position">Zero-based character position of the problem in <paramref name="query"/>, when known.</param>
    /// <param name="message">What is wrong, in words a user understands.</param>
    public QuerySyntaxException(string query, int? position, string message)
        : base(message)
    {
        Query = query;
        Position = position;
    }

    /// <summary>The query text as the user typed it.</summary>
    public string Query { get; }

    /// <summary>Zero-based position of the problem in <see cref="Query"/>, or <c>null</c> when it has no single place.</summary>
    public int? Position { get; }
}

/// <summary>There is no index at the given folder.</summary>
public sealed class IndexNotFoundException : NewsSearchException
{
    /// <summary>Creates the exception for the folder that holds no index.</summary>
    public IndexNotFoundException(string path)
        : base($"no index at '{path}': build one with 'newssearch index <folder>' (or point --index at an existing one)")
    {
        IndexPath = path;
    }

    /// <summary>The folder that was expected to hold an index.</summary>
    public string IndexPath { get; }
}

/// <summary>Another writer holds the index's write lock.</summary>
public sealed class IndexLockedException : NewsSearchException
{
    /// <summary>Creates the exception for the locked index folder.</summary>
    public IndexLockedException(string path, Exception inner)
        : base($"the index at '{path}' is being written by another process; wait for it to finish "
               + $"(if none is running, delete '{System.IO.Path.Combine(path, "write.lock")}')", inner)
    {
        IndexPath = path;
    }

    /// <summary>The locked index folder.</summary>
    public string IndexPath { get; }
}
