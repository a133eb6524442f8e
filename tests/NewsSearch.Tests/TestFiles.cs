using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace NewsSearch.Tests;

/// <summary>A temporary folder for one test, deleted afterwards; articles the test writes go here.</summary>
public sealed class TestFolder : IDisposable
{
    public TestFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newssearch-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string text) => WriteBytes(relativePath, new UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    /// <summary>Writes a gzip file of <paramref name="text"/>.</summary>
    public string WriteGzip(string relativePath, string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(new UTF8Encoding(false).GetBytes(text));
        }
        return WriteBytes(relativePath, buffer.ToArray());
    }

    /// <summary>Writes a tar archive (gzipped when the name ends in .gz or .tgz) holding the given members.</summary>
    private static readonly DateTimeOffset FixedTime = new(2023, 3, 7, 12, 0, 0, TimeSpan.Zero);

    public string WriteTar(string relativePath, params (string Name, byte[] Data)[] members)
    {
        using var buffer = new MemoryStream();
        var gzipped = relativePath.EndsWith(".gz", StringComparison.Ordinal) || relativePath.EndsWith(".tgz", StringComparison.Ordinal);
        var gzip = gzipped ? new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true) : null;
        using (var tar = new TarWriter(gzip ?? (Stream)buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, data) in members)
            {
                // A fixed time keeps the archive's bytes the same on every run, so tests that cut it cut it in one place.
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data), ModificationTime = FixedTime });
            }
        }
        gzip?.Dispose();
        return WriteBytes(relativePath, buffer.ToArray());
    }

    /// <summary>Writes a zip archive holding the given members.</summary>
    public string WriteZip(string relativePath, params (string Name, byte[] Data)[] members) => WriteBytes(relativePath, Zip(members));

    public static byte[] Zip(params (string Name, byte[] Data)[] members)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in members)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(data);
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow runner; the temp folder is cleaned eventually.
        }
    }
}

/// <summary>Paths of the repository (the bundled seed) and of this project's fixtures.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => System.IO.Path.Combine(Root, "seeds");

    public static string SeedFile => Directory.GetFiles(Seeds).Single();

    public static string Fixtures => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Search.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Search.sln not found above " + AppContext.BaseDirectory);
    }
}
