using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace NewsSearch.Indexing;

/// <summary>
/// The folder of an index on disk: memory-mapped files, except the stored fields, which are read through buffered
/// file reads. Lucene.NET 4.8 reads a memory-mapped file a byte at a time through a shared handle, and decompressing a
/// stored article reads it byte by byte: reading bodies for snippets spent two thirds of its time in those reads, and
/// two query threads contended for the handle. Postings, terms and doc values stay memory-mapped, where whole-index
/// buffered reads measured 50 % slower. (Elasticsearch's default store split a folder the same way.)
/// </summary>
internal static class IndexDirectory
{
    private static readonly HashSet<string> StoredFieldExtensions = ["fdt", "fdx"];

    public static LuceneDirectory Open(string path) =>
        new FileSwitchDirectory(StoredFieldExtensions, new NIOFSDirectory(path), FSDirectory.Open(path), doClose: true);
}
