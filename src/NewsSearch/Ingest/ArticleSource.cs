using System.Formats.Tar;
using System.IO.Compression;
using NewsSearch.Extraction;
using NewsSearch.Ingest;

namespace NewsSearch;

/// <summary>
/// Every article and every problem in a set of inputs, in a repeatable order: seed-format files, JSON Lines
/// (<c>.jsonl</c>, <c>.jsonl.gz</c>, or <c>-</c> for standard input), archives (<c>.tar</c>, <c>.tar.gz</c>,
/// <c>.tgz</c>, <c>.zip</c>) holding any of these, and folders of all of them, walked recursively. Archives and
/// compressed files are streamed, never loaded whole. An article with no dateline of its own whose body opens
/// with a wire dateline ("WASHINGTON (Reuters) -") has it moved into <see cref="Article.Dateline"/>.
/// </summary>
/// <remarks>
/// This is the one way inputs are read: <see cref="NewsIndex.IndexPaths(IEnumerable{string}, IngestOptions, IProgress{IngestProgress}?, CancellationToken)"/>
/// indexes what it yields, and other commands can read the same inputs through it. Progress properties may be read
/// from another thread while <see cref="Read"/> runs.
/// </remarks>
public sealed class ArticleSource
{
    /// <summary>The path that stands for standard input.</summary>
    public const string StandardInputPath = "-";

    private const int FileBufferSize = 64 * 1024;

    private readonly IReadOnlyList<string> paths;
    private readonly IngestOptions options;
    private readonly string? skipFolder;
    private readonly InputFilter filter;
    private readonly ByteCounter inputBytes = new();
    private readonly ByteCounter textBytes = new();
    private readonly HashSet<string> incompleteSources = new(StringComparer.Ordinal);
    private volatile string? currentInput;

    /// <summary>Prepares to read <paramref name="paths"/>; nothing is read until <see cref="Read"/>.</summary>
    /// <param name="paths">Files, folders, archives, or <c>-</c> for standard input.</param>
    /// <param name="options">Include and exclude globs, standard input. Default: <see cref="IngestOptions.Default"/>.</param>
    /// <param name="skipFolder">A folder never to read, such as the index being written. Default: none.</param>
    /// <exception cref="NewsSearchException">An include or exclude glob is not supported.</exception>
    public ArticleSource(IEnumerable<string> paths, IngestOptions? options = null, string? skipFolder = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        this.paths = [.. paths];
        this.options = options ?? IngestOptions.Default;
        this.skipFolder = skipFolder;
        filter = new InputFilter(this.options.Include, this.options.Exclude);
    }

    /// <summary>The paths as given.</summary>
    public IReadOnlyList<string> Paths => paths;

    /// <summary>Bytes of the named files read so far (compressed bytes for compressed inputs), for progress.</summary>
    public long InputBytesRead => inputBytes.Total;

    /// <summary>Bytes of article text read so far, after decompression.</summary>
    public long TextBytesRead => textBytes.Total;

    /// <summary>The file or archive member being read, as the user sees it.</summary>
    public string? CurrentInput => currentInput;

    /// <summary>Sources (<see cref="Article.Source"/> values) that could not be read to their end in the last <see cref="Read"/>.</summary>
    internal IReadOnlyCollection<string> IncompleteSources => incompleteSources;

    /// <summary>
    /// The total size of the files that <see cref="Read"/> will open, to compare with <see cref="InputBytesRead"/>;
    /// <c>null</c> when standard input is among the paths (its size is unknown).
    /// </summary>
    public long? MeasureInputBytes()
    {
        long total = 0;
        foreach (var path in paths)
        {
            if (path == StandardInputPath)
            {
                return null;
            }
            foreach (var (file, _) in InputFiles.Expand(path, skipFolder, filter))
            {
                total += file?.Length ?? 0;
            }
        }
        return total;
    }

    /// <summary>Reads every input, one after the other, yielding its articles and problems in order.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled (checked between inputs and archive members).</exception>
    public IEnumerable<IngestItem> Read(CancellationToken cancellation = default)
    {
        incompleteSources.Clear();
        foreach (var path in paths)
        {
            var items = path == StandardInputPath ? ReadStandardInput(cancellation) : ReadPath(path, cancellation);
            foreach (var item in items)
            {
                yield return item.Article is { } article ? IngestItem.Of(WireDateline.Apply(article)) : item;
            }
        }
    }

    private IEnumerable<IngestItem> ReadPath(string path, CancellationToken cancellation)
    {
        foreach (var (file, problem) in InputFiles.Expand(path, skipFolder, filter))
        {
            cancellation.ThrowIfCancellationRequested();
            if (problem is not null)
            {
                yield return new IngestItem(null, problem);
                continue;
            }
            var entry = file!.Entry;
            currentInput = entry.DisplayPath;
            var open = () => (Stream)new CountingStream(
                new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.SequentialScan), inputBytes);
            foreach (var item in ReadEntry(entry, open, leaveOpen: false, cancellation))
            {
                yield return item;
            }
        }
    }

    private IEnumerable<IngestItem> ReadStandardInput(CancellationToken cancellation)
    {
        currentInput = "stdin";
        var entry = new InputEntry("stdin.jsonl", "stdin", "stdin", null, null);
        Stream Open()
        {
            // A pipe has no name to tell its format: gzip is recognised by its first two bytes.
            var stream = PrefixedStream.Peek(new CountingStream(options.OpenStandardInput(), inputBytes), 2, out var head);
            return head is [0x1f, 0x8b] ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        }
        return ReadEntry(entry, Open, leaveOpen: false, cancellation);
    }

    /// <summary>Opens and reads one input; a failure to read it becomes a problem that names it.</summary>
    private IEnumerable<IngestItem> ReadEntry(InputEntry entry, Func<Stream> open, bool leaveOpen, CancellationToken cancellation) =>
        Guard(entry, ReadOpened(entry, open, leaveOpen, cancellation));

    private IEnumerable<IngestItem> ReadOpened(InputEntry entry, Func<Stream> open, bool leaveOpen, CancellationToken cancellation)
    {
        var stream = open();
        try
        {
            var format = InputFormat.FromName(entry.Name);
            using var decompressed = format.Gzipped ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : null;
            var input = decompressed ?? stream;
            var items = format.Kind switch
            {
                InputKind.JsonLines => JsonLinesReader.Read(CountText(input), entry.DisplayPath, entry.IdBase, entry.Source),
                InputKind.Tar => ReadMembers(entry, TarFiles(input), cancellation),
                InputKind.Zip => ReadMembers(entry, ZipFiles(input), cancellation),
                _ => SeedFormatReader.Read(CountText(input), entry.DisplayPath, entry.IdBase, entry.Source),
            };
            foreach (var item in items)
            {
                yield return item;
            }
        }
        finally
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }
        }
    }

    private CountingStream CountText(Stream stream) => new(stream, textBytes, leaveOpen: true);

    /// <summary>Reads each file in an archive that is not hidden or filtered out, in archive order.</summary>
    private IEnumerable<IngestItem> ReadMembers(InputEntry archive, IEnumerable<ArchiveFile> files, CancellationToken cancellation)
    {
        var anyFile = false;
        foreach (var file in files)
        {
            cancellation.ThrowIfCancellationRequested();
            anyFile = true;
            if (Member(archive, file.Name) is not { } member)
            {
                continue;
            }
            currentInput = member.DisplayPath;
            foreach (var item in ReadEntry(member, file.Open, file.LeaveOpen, cancellation))
            {
                yield return item;
            }
        }
        if (!anyFile)
        {
            yield return IngestItem.Rejected(archive.DisplayPath, null, "empty archive: it holds no files");
        }
    }

    private static IEnumerable<ArchiveFile> TarFiles(Stream stream)
    {
        using var reader = new TarReader(stream, leaveOpen: true);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile
                && entry.DataStream is { } data)
            {
                // The data belongs to the tar reader, which skips what is left of it at the next entry.
                yield return new ArchiveFile(entry.Name, () => data, LeaveOpen: true);
            }
        }
    }

    private static IEnumerable<ArchiveFile> ZipFiles(Stream stream)
    {
        // A zip's table of contents is at its end, so it must be read from a seekable stream. A zip inside another
        // archive is copied to a temporary file first, not to memory: memory stays bounded whatever its size.
        using var spool = stream.CanSeek ? null : Spool(stream);
        using var zip = new ZipArchive(spool ?? stream, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            yield return new ArchiveFile(entry.FullName, entry.Open, LeaveOpen: false);
        }
    }

    private static FileStream Spool(Stream stream)
    {
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, FileBufferSize, FileOptions.DeleteOnClose);
        stream.CopyTo(spool);
        spool.Position = 0;
        return spool;
    }

    /// <summary>The input for an archive member, or <c>null</c> when it is hidden or filtered out.</summary>
    private InputEntry? Member(InputEntry archive, string name)
    {
        var path = name.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }
        path = path.TrimStart('/');
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // Hidden files, and the resource forks macOS adds to archives it makes, hold no articles.
        if (segments.Length == 0 || segments.Any(s => s.StartsWith('.') || s == "__MACOSX"))
        {
            return null;
        }
        var member = archive.Member(string.Join('/', segments));
        var accepted = InputFormat.FromName(member.Name).IsArchive ? filter.AcceptsArchive(member.FilterPath!) : filter.AcceptsFile(member.FilterPath!);
        return accepted ? member : null;
    }

    /// <summary>
    /// Yields what <paramref name="items"/> yields until reading fails (a broken gzip, a truncated archive, a disk
    /// error); the failure becomes one problem naming the input, and the inputs after it are still read.
    /// </summary>
    private IEnumerable<IngestItem> Guard(InputEntry entry, IEnumerable<IngestItem> items)
    {
        IEnumerator<IngestItem>? enumerator = null;
        try
        {
            while (true)
            {
                string? failure = null;
                var more = false;
                try
                {
                    enumerator ??= items.GetEnumerator();
                    more = enumerator.MoveNext();
                }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or FormatException or NotSupportedException)
                {
                    failure = $"cannot read ({e.Message}): check that the file is complete and in a supported format";
                }
                if (failure is not null)
                {
                    if (entry.Source is not null)
                    {
                        incompleteSources.Add(entry.Source);
                    }
                    yield return IngestItem.Rejected(entry.DisplayPath, null, failure);
                    yield break;
                }
                if (!more)
                {
                    yield break;
                }
                yield return enumerator!.Current;
            }
        }
        finally
        {
            enumerator?.Dispose();
        }
    }

    /// <summary>A file inside an archive: its path there, how to open it, and whether the archive owns the stream.</summary>
    private sealed record ArchiveFile(string Name, Func<Stream> Open, bool LeaveOpen);
}
