using Lucene.Net.Codecs;

namespace NewsSearch.Cli;

/// <summary>
/// Lucene.NET finds its codecs and formats by name through factories that, on first use, load every type in
/// Lucene.Net.dll to look for more of them (three scans: codecs, postings formats, doc values formats). The console
/// registers the formats Lucene.Net.dll ships, the same names those scans would find, and skips the scans. Set once
/// per process, before the first index is opened; a program that embeds the library keeps Lucene's factories.
/// </summary>
internal static class LuceneFormats
{
    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            Codec.SetCodecFactory(new Codecs());
            PostingsFormat.SetPostingsFormatFactory(new PostingsFormats());
            DocValuesFormat.SetDocValuesFormatFactory(new DocValuesFormats());
        }
    }

#pragma warning disable CS0618 // The older formats read indexes that older versions wrote, as Lucene's own list does.
    private sealed class Codecs : DefaultCodecFactory
    {
        protected override void Initialize()
        {
            foreach (var type in new[]
                     {
                         typeof(Lucene.Net.Codecs.Lucene46.Lucene46Codec), typeof(Lucene.Net.Codecs.Lucene3x.Lucene3xCodec),
                         typeof(Lucene.Net.Codecs.Lucene45.Lucene45Codec), typeof(Lucene.Net.Codecs.Lucene42.Lucene42Codec),
                         typeof(Lucene.Net.Codecs.Lucene41.Lucene41Codec), typeof(Lucene.Net.Codecs.Lucene40.Lucene40Codec),
                     })
            {
                PutCodecType(type);
            }
        }
    }

    private sealed class PostingsFormats : DefaultPostingsFormatFactory
    {
        protected override void Initialize()
        {
            PutPostingsFormatType(typeof(Lucene.Net.Codecs.Lucene41.Lucene41PostingsFormat));
            PutPostingsFormatType(typeof(Lucene.Net.Codecs.Lucene40.Lucene40PostingsFormat));
        }
    }

    private sealed class DocValuesFormats : DefaultDocValuesFormatFactory
    {
        protected override void Initialize()
        {
            PutDocValuesFormatType(typeof(Lucene.Net.Codecs.Lucene45.Lucene45DocValuesFormat));
            PutDocValuesFormatType(typeof(Lucene.Net.Codecs.Lucene42.Lucene42DocValuesFormat));
            PutDocValuesFormatType(typeof(Lucene.Net.Codecs.Lucene40.Lucene40DocValuesFormat));
        }
    }
#pragma warning restore CS0618
}
