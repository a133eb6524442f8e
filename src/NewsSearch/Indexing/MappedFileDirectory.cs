using System.Buffers.Binary;
using System.IO.Hashing;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace NewsSearch.Indexing;

/// <summary>
/// The folder of an index on disk, its files read through memory maps, each read a pointer access. Lucene.NET 4.8's
/// own <see cref="MMapDirectory"/> reads a map through layers of byte-buffer objects, one virtual call per byte, and
/// registers every clone of an input (one per postings list or skip list a query opens) in a table of weak references
/// so it can fail them once the file is closed; here a clone is a copy of a pointer and a position. Measured in one
/// process, queries alternating between the two on the same index: p50 −27 % on Reuters and −19 % on a million
/// articles, p99 −25 % and −24 %. Stored articles are read the same way: until 2026-11-29 they were read through
/// buffered file reads, Lucene.NET's map being slowest for their byte-at-a-time decompression, and searches with
/// snippets are 16 % faster mapped this way than so. Files are written through <see cref="ChecksummedOutput"/>.
/// </summary>
/// <remarks>
/// A map is released when neither the file's input nor any clone of it is reachable any more (by the garbage
/// collector, not when the input is closed): Lucene never closes clones, so a map released on close could be read
/// after it, which would crash the process rather than throw. The price: in a process that searches while it indexes,
/// the space of a searched file that a merge then replaced comes back at the next full collection instead of at once.
/// Merges themselves read through buffered reads (below), so a bulk run maps only what its searches read.
/// </remarks>
internal sealed class MappedFileDirectory(string path) : FSDirectory(new DirectoryInfo(path), null)
{
    // Merges read each file once, front to back: through buffered reads, so that the pages they read stay the
    // system's file cache rather than the process's memory (a million-article run mapping them peaked at 1,105 MB
    // against 586), and a merged-away file is released as soon as the merge closes it.
    private readonly NIOFSDirectory merging = new(path);

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        if (context.Context == IOContext.UsageContext.MERGE)
        {
            return merging.OpenInput(name, context);
        }
        var file = Path.Combine(Directory.FullName, name);
        var map = FileMap.Open(file);
        return new MappedInput($"MappedInput(path=\"{file}\")", map, 0, map.Length);
    }

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        EnsureOpen();
        EnsureCanWrite(name);
        return new ChecksummedOutput(Path.Combine(Directory.FullName, name));
    }

    // Compound files: each part a window onto one map of the whole file.
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        if (context.Context == IOContext.UsageContext.MERGE)
        {
            return merging.CreateSlicer(name, context);
        }
        var file = Path.Combine(Directory.FullName, name);
        return new Slicer(file, FileMap.Open(file));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            merging.Dispose();
        }
        base.Dispose(disposing);
    }

    private sealed class Slicer(string file, FileMap map) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > map.Length)
            {
                throw new ArgumentException($"slice {sliceDescription} out of bounds: offset {offset}, length {length}, file length {map.Length}: {file}");
            }
            return new MappedInput($"MappedInput({sliceDescription} in path=\"{file}\" slice={offset}:{offset + length})", map, offset, length);
        }

        [Obsolete("Only for reading compound files of Lucene 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, map.Length);

        protected override void Dispose(bool disposing)
        {
        }
    }

    /// <summary>
    /// A file written through a buffer, with the CRC-32 that Lucene keeps in every file's footer computed by
    /// <see cref="Crc32"/> (the same checksum, with the processor's carry-less multiply) instead of Lucene.NET's
    /// table lookup per byte, which took 1.5 % of an indexing run's processor time. Like Lucene.NET's own output, it
    /// forces the file to disk when closed, so a commit that lists the file finds it whole after a crash.
    /// </summary>
    private sealed class ChecksummedOutput(string file) : IndexOutput
    {
        private const int BufferSize = 64 * 1024;

        private readonly FileStream stream = new(file, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        private readonly byte[] buffer = new byte[BufferSize];
        private readonly Crc32 crc = new();
        private int buffered;
        private long written;
        private bool closed;

        public override long Position => written + buffered;

        public override long Length => Position;

        public override long Checksum
        {
            get
            {
                WriteBuffer();
                return crc.GetCurrentHashAsUInt32();
            }
        }

        public override void WriteByte(byte b)
        {
            if (buffered == BufferSize)
            {
                WriteBuffer();
            }
            buffer[buffered++] = b;
        }

        public override void WriteBytes(byte[] b, int offset, int length)
        {
            if (length <= BufferSize - buffered)
            {
                Buffer.BlockCopy(b, offset, buffer, buffered, length);
                buffered += length;
                return;
            }
            WriteBuffer();
            if (length < BufferSize)
            {
                Buffer.BlockCopy(b, offset, buffer, 0, length);
                buffered = length;
                return;
            }
            WriteThrough(b.AsSpan(offset, length));
        }

        public override void Flush() => WriteBuffer();

        [Obsolete("Lucene 4.1 no longer seeks while writing; nor does this output.")]
        public override void Seek(long pos) => throw new NotSupportedException("An index file is written front to back.");

        protected override void Dispose(bool disposing)
        {
            if (disposing && !closed)
            {
                closed = true;
                try
                {
                    WriteBuffer();
                    stream.Flush(flushToDisk: true);
                }
                finally
                {
                    stream.Dispose();
                }
            }
        }

        private void WriteBuffer()
        {
            if (buffered == 0)
            {
                return;
            }
            WriteThrough(buffer.AsSpan(0, buffered));
            buffered = 0;
        }

        /// <summary>Checksums and writes bytes that are not (or no longer) in the buffer.</summary>
        private void WriteThrough(ReadOnlySpan<byte> bytes)
        {
            crc.Append(bytes);
            stream.Write(bytes);
            written += bytes.Length;
        }
    }

    /// <summary>One file mapped whole, read-only; unmapped when no input refers to it.</summary>
    private sealed unsafe class FileMap
    {
        private readonly MemoryMappedViewAccessor? view;

        private FileMap(MemoryMappedViewAccessor? view, byte* start, long length)
        {
            this.view = view;
            Start = start;
            Length = length;
        }

        ~FileMap()
        {
            // The view's handle unmaps once its last reference, the pointer acquired here, is released. Its own
            // (critical) finalizer runs after this one, so it is still open; an exception here would end the process.
            try
            {
                view?.SafeMemoryMappedViewHandle.ReleasePointer();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        public byte* Start { get; }

        public long Length { get; }

        public static FileMap Open(string file)
        {
            var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            try
            {
                var length = stream.Length;
                if (length == 0)
                {
                    // An empty file cannot be mapped, and nothing in it can be read.
                    stream.Dispose();
                    return new FileMap(null, null, 0);
                }
                using var mapped = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
                var view = mapped.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
                byte* start = null;
                view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
                return new FileMap(view, start + view.PointerOffset, length);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }
    }

    /// <summary>A window of a mapped file, read through its address.</summary>
    private sealed unsafe class MappedInput : IndexInput
    {
        // Kept so that the map outlives every input and clone that reads it.
        private readonly FileMap map;
        private readonly byte* start;
        private readonly long length;
        private long position;

        public MappedInput(string description, FileMap map, long offset, long length)
            : base(description)
        {
            this.map = map;
            start = map.Start + offset;
            this.length = length;
        }

        public override long Length => length;

        public override long Position => position;

        public override void Seek(long pos)
        {
            if (pos < 0 || pos > length)
            {
                throw new EndOfStreamException($"seek to {pos} outside 0..{length}: {this}");
            }
            position = pos;
        }

        public override byte ReadByte()
        {
            var at = position;
            if (at >= length)
            {
                throw PastEnd(1);
            }
            position = at + 1;
            return start[at];
        }

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            var at = position;
            if (len > length - at)
            {
                throw PastEnd(len);
            }
            new ReadOnlySpan<byte>(start + at, len).CopyTo(b.AsSpan(offset, len));
            position = at + len;
        }

        public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(sizeof(short)));

        public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));

        public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));

        // Variable-length integers are most of what postings and term dictionaries read: decoded here in one call.
        public override int ReadVInt32()
        {
            var at = position;
            if (length - at < 5)
            {
                return base.ReadVInt32();
            }
            var p = start + at;
            int b = *p++;
            var value = b & 0x7F;
            for (var shift = 7; b >= 0x80 && shift <= 28; shift += 7)
            {
                b = *p++;
                value |= (b & 0x7F) << shift;
            }
            if (b >= 0x80)
            {
                throw new IOException($"invalid variable-length integer at {at}: {this}");
            }
            position = at + (p - (start + at));
            return value;
        }

        public override long ReadVInt64()
        {
            var at = position;
            if (length - at < 9)
            {
                return base.ReadVInt64();
            }
            var p = start + at;
            long b = *p++;
            var value = b & 0x7F;
            for (var shift = 7; b >= 0x80 && shift <= 56; shift += 7)
            {
                b = *p++;
                value |= (b & 0x7F) << shift;
            }
            if (b >= 0x80)
            {
                throw new IOException($"invalid variable-length long at {at}: {this}");
            }
            position = at + (p - (start + at));
            return value;
        }

        // The map stays until no input or clone refers to it (see the directory's remarks).
        protected override void Dispose(bool disposing) => GC.KeepAlive(map);

        /// <summary>The next <paramref name="count"/> bytes, moving past them.</summary>
        private ReadOnlySpan<byte> Take(int count)
        {
            var at = position;
            if (length - at < count)
            {
                throw PastEnd(count);
            }
            position = at + count;
            return new ReadOnlySpan<byte>(start + at, count);
        }

        private EndOfStreamException PastEnd(long wanted) =>
            new($"read of {wanted} bytes past the end at {position} of {length}: {this}");
    }
}
