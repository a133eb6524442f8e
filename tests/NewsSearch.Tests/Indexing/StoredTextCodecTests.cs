using CsCheck;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using NewsSearch.Indexing;

namespace NewsSearch.Tests.Indexing;

/// <summary>
/// The index is written with a faster LZ4 encoder for stored text (<see cref="StoredTextCodec"/>) and a faster
/// checksum for every file (<see cref="MappedFileDirectory"/>), and must stay an ordinary Lucene 4.6 index: what one
/// writes, Lucene's own decoder and checksum read back the same.
/// </summary>
public sealed class StoredTextCodecTests : IDisposable
{
    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void WhatTheEncoderCompresses_LucenesDecoderRestores_WholeOrInPart()
    {
        // Text-like bytes (few distinct values, so matches of every length and distance) and random ones (no
        // matches), from empty to beyond one 16 KB chunk.
        var textLike = Gen.Byte[(byte)'a', (byte)'h'].Array[0, 40_000];
        var random = Gen.Byte.Array[0, 2_000];
        var generator = Gen.Frequency((3, textLike), (1, random)).SelectMany(bytes =>
            Gen.Select(Gen.Int[0, bytes.Length], Gen.Int[0, bytes.Length], (a, b) => (bytes, Math.Min(a, b), Math.Abs(a - b))));
        var decompressor = CompressionMode.FAST.NewDecompressor();
        Check.Sample(generator, sample =>
        {
            var (bytes, offset, length) = sample;
            // A compressor per sample: samples run on several threads, and a compressor, like Lucene's, keeps its
            // working memory from one chunk to the next.
            var compressor = FastLz4.Mode.NewCompressor();
            var compressed = new byte[bytes.Length + bytes.Length / 255 + 32];
            var output = new ByteArrayDataOutput(compressed);
            compressor.Compress(bytes, 0, bytes.Length, output);

            var whole = new BytesRef();
            decompressor.Decompress(new ByteArrayDataInput(compressed, 0, output.Position), bytes.Length, 0, bytes.Length, whole);
            Assert.Equal(bytes, whole.Bytes.AsSpan(whole.Offset, whole.Length).ToArray());

            var part = new BytesRef();
            decompressor.Decompress(new ByteArrayDataInput(compressed, 0, output.Position), bytes.Length, offset, length, part);
            Assert.Equal(bytes.AsSpan(offset, length).ToArray(), part.Bytes.AsSpan(part.Offset, part.Length).ToArray());
        }, iter: 300);
    }

    [Fact]
    public void TheChecksumOfAWrittenFile_IsTheOneLuceneComputesReadingIt()
    {
        // Writes of every size, single bytes to several times the output's buffer, so they end on, cross and skip it.
        var random = new Random(7);
        using var directory = new MappedFileDirectory(folder.Path);
        long checksum;
        using (var output = directory.CreateOutput("file", IOContext.DEFAULT))
        {
            for (var i = 0; i < 400; i++)
            {
                if (random.Next(3) == 0)
                {
                    output.WriteByte((byte)random.Next(256));
                    continue;
                }
                var bytes = new byte[random.Next(4) == 0 ? random.Next(50_000, 200_000) : random.Next(0, 5_000)];
                random.NextBytes(bytes);
                output.WriteBytes(bytes, bytes.Length);
                if (i % 50 == 0)
                {
                    _ = output.Checksum; // a checksum asked for midway must not change what follows
                }
            }
            checksum = output.Checksum;
            Assert.Equal(output.Position, output.Length);
        }

        using var input = directory.OpenChecksumInput("file", IOContext.READ_ONCE);
        input.ReadBytes(new byte[input.Length], 0, (int)input.Length);
        Assert.Equal(input.Checksum, checksum);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnIndex_PassesLucenesCheck_AndReadsWithLucenesOwnCodecAndFolder(bool merged)
    {
        // Segments flushed in one session, then, when merged, merged in a second one with segments of its own: a
        // merge copies the compressed chunks of segments this writer wrote and re-compresses those it read from disk.
        var path = Path.Combine(folder.Path, "index");
        var bodies = Enumerable.Range(0, 600).Select(i =>
            string.Join(' ', Enumerable.Range(0, 20 + i % 200).Select(w => $"word{(w * 7 + i) % 97} grain{i % 13}"))).ToList();
        var options = NewsIndexOptions.Default with { ExtractSpeakers = false };
        using (var index = NewsIndex.OpenOrCreate(path, options))
        {
            for (var i = 0; i < 500; i++)
            {
                index.Upsert(new Article($"a{i}", new DateOnly(2024, 1, 1).AddDays(i), "Paris", bodies[i]));
                if (i % 100 == 99)
                {
                    index.Commit();
                }
            }
        }
        using (var index = NewsIndex.OpenOrCreate(path, options))
        {
            for (var i = 500; i < bodies.Count; i++)
            {
                index.Upsert(new Article($"a{i}", new DateOnly(2024, 1, 1).AddDays(i), "Paris", bodies[i]));
            }
            bodies[0] += " revised";
            index.Upsert(new Article("a0", new DateOnly(2024, 1, 1), "Paris", bodies[0]));
            index.Commit();
            if (merged)
            {
                Assert.True(index.MergeAfterBulkWrite(NewsIndex.BulkArticles));
            }
        }

        using var plain = FSDirectory.Open(path);
        var status = new CheckIndex(plain).DoCheckIndex();
        Assert.True(status.Clean);
        Assert.True(merged ? status.SegmentInfos.Count == 1 : status.SegmentInfos.Count > 1, $"{status.SegmentInfos.Count} segments");

        using var reader = DirectoryReader.Open(plain);
        var stored = new Dictionary<string, string>();
        var live = MultiFields.GetLiveDocs(reader);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is null || live.Get(doc))
            {
                var document = reader.Document(doc);
                stored[document.Get(NewsFields.Id)] = document.Get(NewsFields.Body);
            }
        }
        Assert.Equal(bodies.Select((body, i) => ($"a{i}", body)), stored.OrderBy(p => int.Parse(p.Key[1..])).Select(p => (p.Key, p.Value)));
    }
}
