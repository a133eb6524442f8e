namespace NewsSearch.Ingest;

/// <summary>A running byte count that several streams add to and another thread reads (for progress).</summary>
internal sealed class ByteCounter
{
    private long total;

    public long Total => Interlocked.Read(ref total);

    public void Add(long bytes) => Interlocked.Add(ref total, bytes);
}

/// <summary>A read-only view of a stream that counts the bytes read through it.</summary>
internal sealed class CountingStream(Stream inner, ByteCounter counter, bool leaveOpen = false) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    public override int ReadByte()
    {
        var value = inner.ReadByte();
        if (value >= 0)
        {
            counter.Add(1);
        }
        return value;
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private int Counted(int read)
    {
        counter.Add(read);
        return read;
    }
}

/// <summary>
/// A forward-only stream whose first bytes were already read (to look at them) and are given back first: lets a
/// pipe be sniffed for gzip without buffering it whole.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
{
    private int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Reads up to <paramref name="count"/> bytes of <paramref name="stream"/> and returns a stream that still starts at them.</summary>
    public static PrefixedStream Peek(Stream stream, int count, out ReadOnlySpan<byte> head)
    {
        var buffer = new byte[count];
        var filled = 0;
        int read;
        while (filled < count && (read = stream.Read(buffer, filled, count - filled)) > 0)
        {
            filled += read;
        }
        Array.Resize(ref buffer, filled);
        head = buffer;
        return new PrefixedStream(buffer, stream);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - position);
            prefix.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }
        return rest.Read(buffer);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
        }
        base.Dispose(disposing);
    }
}
