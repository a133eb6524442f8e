using Lucene.Net.Store;
using NewsSearch.Indexing;

namespace NewsSearch.Tests.Indexing;

/// <summary>
/// The index folder reads its files through pointers into memory maps (<see cref="MappedFileDirectory"/>), with its
/// own decoding of Lucene's integers: every value Lucene writes must read back the same, at any position in a file,
/// through clones and compound-file slices, and reading past an end must fail rather than read beyond the file.
/// </summary>
public sealed class MappedFileDirectoryTests : IDisposable
{
    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    private enum Kind { Byte, Int16, Int32, Int64, VInt32, VInt64, Bytes, Text }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ValuesLuceneWrote_ReadBackTheSame_FromEveryPositionAndClone(int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, 5_000).Select(_ => Value(random)).ToList();
        using var directory = new MappedFileDirectory(folder.Path);
        var positions = new List<long>();
        using (var output = directory.CreateOutput("values", IOContext.DEFAULT))
        {
            foreach (var (kind, value) in values)
            {
                positions.Add(output.Position);
                Write(output, kind, value);
            }
        }

        using var input = directory.OpenInput("values", IOContext.DEFAULT);
        foreach (var (kind, value) in values)
        {
            Assert.Equal(value, Read(input, kind));
        }
        Assert.Equal(input.Length, input.Position);

        // From the end backwards, each value read from its own position through a clone: integers that end at the
        // file's last bytes take the careful path, the others the fast one.
        var clone = (IndexInput)input.Clone();
        for (var i = values.Count - 1; i >= 0; i--)
        {
            clone.Seek(positions[i]);
            Assert.Equal(values[i].Value, Read(clone, values[i].Kind));
        }
    }

    [Fact]
    public void ReadingPastTheEnd_Fails_AndNeverReadsBeyondTheFile()
    {
        using var directory = new MappedFileDirectory(folder.Path);
        using (var output = directory.CreateOutput("short", IOContext.DEFAULT))
        {
            output.WriteByte(0x80);
            output.WriteByte(0x80);
        }
        using (directory.CreateOutput("empty", IOContext.DEFAULT))
        {
        }

        using var input = directory.OpenInput("short", IOContext.DEFAULT);
        Assert.Throws<EndOfStreamException>(() => input.ReadVInt32());
        input.Seek(0);
        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
        input.Seek(0);
        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[3], 0, 3));
        input.Seek(2);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.ThrowsAny<IOException>(() => input.Seek(3));

        // Integers whose last byte says more follow, at the end of a file: as long as the longest such integer less one.
        foreach (var (name, bytes) in new[] { ("int", 4), ("long", 8) })
        {
            using (var output = directory.CreateOutput(name, IOContext.DEFAULT))
            {
                for (var i = 0; i < bytes; i++)
                {
                    output.WriteByte(0xFF);
                }
            }
            using var unterminated = directory.OpenInput(name, IOContext.DEFAULT);
            Assert.Throws<EndOfStreamException>(() => name == "int" ? unterminated.ReadVInt32() : unterminated.ReadVInt64());
        }

        using var empty = directory.OpenInput("empty", IOContext.DEFAULT);
        Assert.Equal(0, empty.Length);
        Assert.Throws<EndOfStreamException>(() => empty.ReadByte());
    }

    [Fact]
    public void ASlice_ReadsItsWindow_AndEndsWhereItEnds()
    {
        using var directory = new MappedFileDirectory(folder.Path);
        using (var output = directory.CreateOutput("parts", IOContext.DEFAULT))
        {
            for (var i = 0; i < 100; i++)
            {
                output.WriteInt32(i);
            }
        }

        using var slicer = directory.CreateSlicer("parts", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("ten to nineteen", 10 * sizeof(int), 10 * sizeof(int));
        Assert.Equal(40, slice.Length);
        Assert.Equal(Enumerable.Range(10, 10), Enumerable.Range(0, 10).Select(_ => slice.ReadInt32()));
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        slice.Seek(36);
        Assert.Equal(19, ((IndexInput)slice.Clone()).ReadInt32());
        Assert.Throws<ArgumentException>(() => slicer.OpenSlice("beyond", 390, 20));
    }

    [Fact]
    public void ACompoundFile_ReadsBackEachFilePackedIntoIt()
    {
        using var directory = new MappedFileDirectory(folder.Path);
        using (var packed = new CompoundFileDirectory(directory, "packed.cfs", IOContext.DEFAULT, openForWrite: true))
        {
            foreach (var (name, count) in new[] { ("first", 10), ("second", 1_000), ("third", 0) })
            {
                using var output = packed.CreateOutput(name, IOContext.DEFAULT);
                for (var i = 0; i < count; i++)
                {
                    output.WriteVInt64((long)i * i * i);
                }
            }
        }

        using var reading = new CompoundFileDirectory(directory, "packed.cfs", IOContext.DEFAULT, openForWrite: false);
        foreach (var (name, count) in new[] { ("second", 1_000), ("first", 10), ("third", 0) })
        {
            using var input = reading.OpenInput(name, IOContext.DEFAULT);
            Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i * i * i), Enumerable.Range(0, count).Select(_ => input.ReadVInt64()));
            Assert.Equal(input.Length, input.Position);
        }
    }

    [Fact]
    public void AnIndexWrittenInManyCommits_FindsWhatWasWritten_AfterReopening()
    {
        // A large commit and then small ones: several segments on disk, some of them merged while searched.
        var path = Path.Combine(folder.Path, "index");
        using (var index = NewsIndex.OpenOrCreate(path, NewsIndexOptions.Default with { ExtractSpeakers = false }))
        {
            for (var i = 0; i < 1_000; i++)
            {
                index.Upsert(new Article($"a{i}", new DateOnly(2024, 1, 1).AddDays(i % 30), "Paris", $"Report {i} on grain, {(i % 3 == 0 ? "wheat" : "maize")} and the harbour {i % 7}."));
                if (i >= 939)
                {
                    index.Commit();
                }
            }
        }

        using var reopened = NewsIndex.Open(path);
        var wheat = reopened.Search(new SearchRequest { Query = "wheat", Limit = 1_000, CountAll = true, SnippetLength = 0 });
        var either = reopened.Search(new SearchRequest { Query = "wheat \"harbour 3\"", Limit = 0, CountAll = true });
        Assert.Equal(1_000, reopened.Count);
        Assert.Equal(Enumerable.Range(0, 1_000).Where(i => i % 3 == 0).Select(i => $"a{i}").Order(), wheat.Hits.Select(h => h.Id).Order());
        Assert.Equal(Enumerable.Range(0, 1_000).Count(i => i % 3 == 0 || i % 7 == 3), either.TotalHits);
    }

    private static (Kind Kind, object Value) Value(Random random)
    {
        var kind = (Kind)random.Next(8);
        // Integers of every width, not only small ones: a variable-length integer's byte count follows its magnitude.
        var bits = random.Next(1, 64);
        var wide = random.NextInt64() >> (64 - bits);
        return kind switch
        {
            Kind.Byte => (kind, (byte)random.Next(256)),
            Kind.Int16 => (kind, (short)random.Next(short.MinValue, short.MaxValue + 1)),
            Kind.Int32 => (kind, (int)wide),
            Kind.Int64 => (kind, wide),
            Kind.VInt32 => (kind, random.Next(4) == 0 ? -(int)Math.Abs(wide % int.MaxValue) - 1 : (int)(Math.Abs(wide) % int.MaxValue)),
            Kind.VInt64 => (kind, Math.Abs(wide)),
            Kind.Bytes => (kind, Enumerable.Range(0, random.Next(0, 300)).Select(_ => (byte)random.Next(256)).ToArray()),
            _ => (kind, new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(0x20, 0x3000))])),
        };
    }

    private static void Write(IndexOutput output, Kind kind, object value)
    {
        switch (kind)
        {
            case Kind.Byte: output.WriteByte((byte)value); break;
            case Kind.Int16: output.WriteInt16((short)value); break;
            case Kind.Int32: output.WriteInt32((int)value); break;
            case Kind.Int64: output.WriteInt64((long)value); break;
            case Kind.VInt32: output.WriteVInt32((int)value); break;
            case Kind.VInt64: output.WriteVInt64((long)value); break;
            case Kind.Bytes:
                var bytes = (byte[])value;
                output.WriteVInt32(bytes.Length);
                output.WriteBytes(bytes, bytes.Length);
                break;
            default: output.WriteString((string)value); break;
        }
    }

    private static object Read(IndexInput input, Kind kind)
    {
        switch (kind)
        {
            case Kind.Byte: return input.ReadByte();
            case Kind.Int16: return input.ReadInt16();
            case Kind.Int32: return input.ReadInt32();
            case Kind.Int64: return input.ReadInt64();
            case Kind.VInt32: return input.ReadVInt32();
            case Kind.VInt64: return input.ReadVInt64();
            case Kind.Bytes:
                var bytes = new byte[input.ReadVInt32()];
                input.ReadBytes(bytes, 0, bytes.Length);
                return bytes;
            default: return input.ReadString();
        }
    }
}
