namespace NewsSearch.Ingest;

/// <summary>
/// One input to read: a file, an archive member or standard input.
/// </summary>
/// <param name="Name">The file or member name; its ending tells the format.</param>
/// <param name="DisplayPath">How the user sees it: the path as given, then the member path inside an archive.</param>
/// <param name="IdBase">The stable name its article ids start from.</param>
/// <param name="Source">Where it is, stored with its articles so <c>--prune</c> can find them; <c>null</c> for standard input.</param>
/// <param name="FilterPath">
/// The path <c>--include</c>/<c>--exclude</c> are matched against (relative to the folder or archive the user
/// named), or <c>null</c> for an input named directly, which is always read.
/// </param>
internal sealed record InputEntry(string Name, string DisplayPath, string IdBase, string? Source, string? FilterPath)
{
    /// <summary>A member of this archive. An archive named directly is a root, like a folder: member ids are member paths.</summary>
    public InputEntry Member(string memberPath)
    {
        var relative = FilterPath is null ? memberPath : FilterPath + "/" + memberPath;
        return new InputEntry(Path.GetFileName(memberPath), DisplayPath + "/" + memberPath, relative, Source is null ? null : Source + "/" + memberPath, relative);
    }
}

/// <summary>A file found on disk, with its size for progress.</summary>
internal sealed record InputFile(string FullPath, long Length, InputEntry Entry);

/// <summary>Expands the paths a user gives into the files to read: a file as itself, a folder recursively.</summary>
internal static class InputFiles
{
    /// <summary>
    /// The files under <paramref name="path"/>, in ordinal order so that runs are repeatable. Hidden files and
    /// folders (a leading dot), the folder <paramref name="skipFolder"/> (the index itself) and what
    /// <paramref name="filter"/> leaves out are skipped.
    /// </summary>
    /// <param name="path">A file or folder, absolute or relative to the working folder.</param>
    /// <param name="skipFolder">Never read (the index being written), or <c>null</c>.</param>
    /// <param name="filter">The include and exclude globs.</param>
    public static IEnumerable<(InputFile? File, IngestProblem? Problem)> Expand(string path, string? skipFolder, InputFilter filter)
    {
        if (File.Exists(path))
        {
            var full = Path.GetFullPath(path);
            yield return (new InputFile(full, Length(full), new InputEntry(Path.GetFileName(path), path, Path.GetFileName(path), full, null)), null);
            yield break;
        }
        if (!Directory.Exists(path))
        {
            yield return (null, new IngestProblem(path, null, "no such file or folder"));
            yield break;
        }

        var root = Path.GetFullPath(path);
        var skip = skipFolder is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(skipFolder));
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            // A link can point back up the tree: walk each real folder once.
            if (!visited.Add(RealPath(folder)))
            {
                continue;
            }
            string[] entries;
            try
            {
                entries = Directory.GetFileSystemEntries(folder);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                entries = [];
            }
            Array.Sort(entries, StringComparer.Ordinal);

            // Files of this folder first, then its subfolders, each in name order: the order a reader expects.
            var subfolders = new List<string>();
            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (name.StartsWith('.'))
                {
                    continue;
                }
                var relative = Path.GetRelativePath(root, entry).Replace(Path.DirectorySeparatorChar, '/');
                if (Directory.Exists(entry))
                {
                    if (!string.Equals(Path.TrimEndingDirectorySeparator(entry), skip, StringComparison.Ordinal) && filter.AcceptsFolder(relative))
                    {
                        subfolders.Add(entry);
                    }
                    continue;
                }
                var accepted = InputFormat.FromName(name).IsArchive ? filter.AcceptsArchive(relative) : filter.AcceptsFile(relative);
                if (accepted)
                {
                    var display = Path.Combine(path, relative);
                    yield return (new InputFile(entry, Length(entry), new InputEntry(name, display, relative, entry, relative)), null);
                }
            }
            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                pending.Push(subfolders[i]);
            }
        }
    }

    private static long Length(string file)
    {
        try
        {
            return new FileInfo(file).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static string RealPath(string folder)
    {
        try
        {
            return new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? folder;
        }
        catch (IOException)
        {
            return folder;
        }
    }
}
