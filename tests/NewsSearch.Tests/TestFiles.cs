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
