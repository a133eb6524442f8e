namespace NewsSearch.Ingest;

/// <summary>One file to read: where it is, how to name it to the user, and the stable name its article ids start from.</summary>
internal sealed record InputFile(string FullPath, string DisplayPath, string IdBase);

/// <summary>Expands the paths a user gives into the files to read: a file as itself, a folder recursively.</summary>
internal static class InputFiles
{
    /// <summary>
    /// The files under <paramref name="path"/>, in ordinal order so that runs are repeatable. Hidden files and
    /// folders (a leading dot) and the folder <paramref name="skipFolder"/> (the index itself) are left out.
    /// </summary>
    public static IEnumerable<(InputFile? File, IngestProblem? Problem)> Expand(string path, string? skipFolder)
    {
        if (File.Exists(path))
        {
            yield return (new InputFile(Path.GetFullPath(path), path, Path.GetFileName(path)), null);
            yield break;
        }
        if (!Directory.Exists(path))
        {
            yield return (null, new IngestProblem(path, null, "no such file or folder"));
            yield break;
        }

        var root = Path.GetFullPath(path);
        var skip = skipFolder is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(skipFolder));
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
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
                if (Directory.Exists(entry))
                {
                    if (!string.Equals(Path.TrimEndingDirectorySeparator(entry), skip, StringComparison.Ordinal))
                    {
                        subfolders.Add(entry);
                    }
                    continue;
                }
                var relative = Path.GetRelativePath(root, entry).Replace(Path.DirectorySeparatorChar, '/');
                yield return (new InputFile(entry, Path.Combine(path, relative), relative), null);
            }
            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                pending.Push(subfolders[i]);
            }
        }
    }
}
