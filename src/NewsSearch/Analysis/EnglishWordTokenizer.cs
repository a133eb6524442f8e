using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace NewsSearch.Analysis;

/// <summary>
/// Lucene's standard tokenizer followed by its English chain (possessives, lower case, stop words, Porter stemming:
/// <see cref="NewsAnalyzer.LuceneEnglishAnalyzer"/>), with the same output token for token, computed once per distinct piece of text. No token of the standard
/// tokenizer spans whitespace, and its scanner starts afresh after it, so a piece between whitespace ("said,",
/// "(Reuters)", "U.S.-Japan") always yields the same tokens wherever it occurs. News repeats its pieces, so each
/// distinct piece runs through Lucene's tokenizer and filters once per thread and every later occurrence is one
/// table lookup: tokenizing and filtering word by word were a fifth of an indexing run's processor time.
/// </summary>
internal sealed class EnglishWordTokenizer : Tokenizer
{
    /// <summary>
    /// Pieces kept per thread: the words of a large archive with their punctuation and capitals (Reuters-21578 has
    /// about 80,000 such pieces besides numbers, most of them rare). Past it, new pieces are analysed without being
    /// kept, so memory stays bounded, at about 10 MB a thread.
    /// </summary>
    private const int MaxKeptPieces = 100_000;

    /// <summary>Longer pieces (addresses, runs of text without spaces) are analysed every time, not kept.</summary>
    private const int MaxKeptPieceLength = 40;

    /// <summary>The standard tokenizer's limit: longer tokens are dropped.</summary>
    private const int MaxTokenLength = 255;

    private static readonly string NumberType = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];

    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private readonly IPositionIncrementAttribute positionIncrement;
    private readonly ITypeAttribute type;
    private readonly PieceTable pieces = new();
    private readonly LuceneAnalysis lucene = new();

    private char[] text = new char[4096];
    private int length;
    private int next;

    // A piece with more than one token, or one the table does not hold, being handed out token by token.
    private Piece? current;
    private int currentStart;
    private int tokenIndex;

    // Positions dropped since the last token (stop words, overlong words), which the next token's step includes.
    private int skippedPositions;

    public EnglishWordTokenizer(TextReader input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
        positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        while (true)
        {
            if (current is { } piece)
            {
                if (tokenIndex < piece.Tokens.Length)
                {
                    var token = piece.Tokens[tokenIndex++];
                    Emit(token.Word, 0, token.Word.Length, currentStart + token.Start, currentStart + token.End, token.PositionIncrement, token.Type);
                    return true;
                }
                skippedPositions += piece.TrailingPositions;
                current = null;
            }
            if (!NextPiece(out var start, out var pieceLength))
            {
                return false;
            }
            var pieceText = text.AsSpan(start, pieceLength);
            if (PlainNumber(pieceText) is var (numberStart, numberLength) && numberLength > 0)
            {
                Emit(text, start + numberStart, numberLength, start + numberStart, start + numberStart + numberLength, 1, NumberType);
                return true;
            }
            var hash = PieceTable.Hash(pieceText, out var hasDigit);
            // Other pieces with digits ("1986/87", "Q3-1987") are nearly always new, so only short ones are kept;
            // the rest would fill the table with pieces seen once.
            var keep = pieceLength <= MaxKeptPieceLength && (pieceLength <= 4 || !hasDigit);
            if (keep && pieces.Find(pieceText, hash) is { } slot)
            {
                ref readonly var entry = ref pieces.Entry(slot);
                if (entry.Piece is { } kept)
                {
                    (current, currentStart, tokenIndex) = (kept, start, 0);
                }
                else if (entry.WordLength == 0)
                {
                    skippedPositions += entry.TrailingPositions;
                }
                else
                {
                    Emit(pieces.Pool, entry.PoolStart + entry.TextLength, entry.WordLength, start + entry.WordStart, start + entry.WordEnd, 1,
                        StandardTokenizer.TOKEN_TYPES[entry.Type]);
                    return true;
                }
                continue;
            }
            var analyzed = lucene.Analyze(pieceText);
            if (keep && pieces.Count < MaxKeptPieces)
            {
                pieces.Add(pieceText, hash, analyzed);
            }
            (current, currentStart, tokenIndex) = (analyzed, start, 0);
        }
    }

    public override void End()
    {
        base.End();
        var finalOffset = CorrectOffset(length);
        offset.SetOffset(finalOffset, finalOffset);
        positionIncrement.PositionIncrement += skippedPositions;
    }

    public override void Reset()
    {
        base.Reset();
        length = 0;
        int read;
        while ((read = m_input.Read(text, length, text.Length - length)) > 0)
        {
            length += read;
            if (length == text.Length)
            {
                Array.Resize(ref text, text.Length * 2);
            }
        }
        next = 0;
        current = null;
        tokenIndex = 0;
        skippedPositions = 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lucene.Dispose();
        }
        base.Dispose(disposing);
    }

    private void Emit(char[] chars, int charStart, int charLength, int startOffset, int endOffset, int increment, string tokenType)
    {
        term.CopyBuffer(chars, charStart, charLength);
        offset.SetOffset(CorrectOffset(startOffset), CorrectOffset(endOffset));
        positionIncrement.PositionIncrement = increment + skippedPositions;
        type.Type = tokenType;
        skippedPositions = 0;
    }

    /// <summary>
    /// Where the number is in a piece that is a number alone, in brackets or quotes or before a comma or full stop
    /// ("1,250", "3.5", "(1987)", "5%"); (0, 0) for any other piece. Lucene keeps the digits and separators as one
    /// number token, and the English chain leaves it as it is. Numbers are most of the pieces seen once, which the
    /// table would neither speed up nor have room for.
    /// </summary>
    private static (int Start, int Length) PlainNumber(ReadOnlySpan<char> pieceText)
    {
        var start = 0;
        var end = pieceText.Length;
        while (start < end && pieceText[start] is '(' or '"' or '$')
        {
            start++;
        }
        while (end > start && pieceText[end - 1] is ')' or '"' or '%' or ',' or '.' or ';' or ':')
        {
            end--;
        }
        // Digits, with single commas or full stops between them.
        if (end == start || end - start > MaxTokenLength || !char.IsAsciiDigit(pieceText[start]) || !char.IsAsciiDigit(pieceText[end - 1]))
        {
            return default;
        }
        for (var i = start + 1; i < end - 1; i++)
        {
            var c = pieceText[i];
            if (!char.IsAsciiDigit(c) && !(c is ',' or '.' && char.IsAsciiDigit(pieceText[i + 1])))
            {
                return default;
            }
        }
        return (start, end - start);
    }

    // The JIT left this out of line, a call per character of the text.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWhitespace(char c) => c <= ' ' && (c == ' ' || c == '\n' || c == '\r' || c == '\t');

    /// <summary>The next piece between whitespace; false at the end of the text.</summary>
    private bool NextPiece(out int start, out int pieceLength)
    {
        var position = next;
        while (position < length && IsWhitespace(text[position]))
        {
            position++;
        }
        start = position;
        while (position < length && !IsWhitespace(text[position]))
        {
            position++;
        }
        next = position;
        pieceLength = position - start;
        return pieceLength > 0;
    }

    /// <summary>One token of a piece: the analysed word, where it stands in the piece, and its position step.</summary>
    private readonly record struct PieceToken(char[] Word, int Start, int End, int PositionIncrement, string Type);

    /// <summary>
    /// What Lucene makes of a piece: its tokens, and the positions it skips after its last one (stop words and
    /// overlong words at its end), which the next token adds to its step.
    /// </summary>
    private sealed record Piece(PieceToken[] Tokens, int TrailingPositions);

    /// <summary>
    /// Lucene's standard tokenizer and English chain (<see cref="NewsAnalyzer.LuceneEnglishAnalyzer"/>), run over one
    /// piece at a time. Closed after each piece, as Lucene closes a stream after each text and then reuses it.
    /// </summary>
    private sealed class LuceneAnalysis : IDisposable
    {
        private readonly StandardTokenizer tokenizer = new(LuceneSettings.Version, TextReader.Null);
        private readonly TokenStream chain;
        private readonly ICharTermAttribute term;
        private readonly IOffsetAttribute offset;
        private readonly IPositionIncrementAttribute positionIncrement;
        private readonly ITypeAttribute type;
        private readonly List<PieceToken> tokens = [];

        public LuceneAnalysis()
        {
            chain = NewsAnalyzer.LuceneEnglishAnalyzer.Chain(tokenizer);
            term = chain.GetAttribute<ICharTermAttribute>();
            offset = chain.GetAttribute<IOffsetAttribute>();
            positionIncrement = chain.GetAttribute<IPositionIncrementAttribute>();
            type = chain.GetAttribute<ITypeAttribute>();
            // A tokenizer takes a new text only after the previous one was closed.
            tokenizer.Dispose();
        }

        public Piece Analyze(ReadOnlySpan<char> pieceText)
        {
            tokens.Clear();
            tokenizer.SetReader(new StringReader(pieceText.ToString()));
            chain.Reset();
            while (chain.IncrementToken())
            {
                tokens.Add(new PieceToken(term.Buffer.AsSpan(0, term.Length).ToArray(), offset.StartOffset, offset.EndOffset,
                    positionIncrement.PositionIncrement, type.Type));
            }
            chain.End();
            var trailing = positionIncrement.PositionIncrement;
            chain.Dispose();
            return new Piece([.. tokens], trailing);
        }

        public void Dispose() => chain.Dispose();
    }

    /// <summary>
    /// Pieces and what Lucene made of them, in open addressing. The common piece (one word, or only stop words) is
    /// held in the entry itself, its text and word side by side in one shared array of characters, so a lookup
    /// that finds it reads the entry and a few characters beside it instead of three objects (analysis 1.62× Lucene's
    /// chain against 1.5× with the objects). Other pieces keep Lucene's result as it came.
    /// </summary>
    private sealed class PieceTable
    {
        private TableEntry[] entries = new TableEntry[4096];

        public int Count { get; private set; }

        /// <summary>Every kept piece's text followed by its word.</summary>
        public char[] Pool { get; private set; } = new char[16384];

        private int poolLength;

        public static int Hash(ReadOnlySpan<char> pieceText, out bool hasDigit)
        {
            var hash = (uint)pieceText.Length * 0x9E3779B1u;
            var digits = false;
            foreach (var c in pieceText)
            {
                hash = (hash ^ c) * 0x01000193u;
                digits |= char.IsAsciiDigit(c);
            }
            hasDigit = digits;
            return (int)(hash ^ (hash >> 15));
        }

        public ref readonly TableEntry Entry(int slot) => ref entries[slot];

        /// <summary>The slot holding the piece, or null.</summary>
        public int? Find(ReadOnlySpan<char> pieceText, int hash)
        {
            var mask = entries.Length - 1;
            for (var slot = hash & mask; ; slot = (slot + 1) & mask)
            {
                ref readonly var entry = ref entries[slot];
                if (entry.TextLength == 0)
                {
                    return null;
                }
                if (entry.Hash == hash && entry.TextLength == pieceText.Length && pieceText.SequenceEqual(Pool.AsSpan(entry.PoolStart, entry.TextLength)))
                {
                    return slot;
                }
            }
        }

        public void Add(ReadOnlySpan<char> pieceText, int hash, Piece piece)
        {
            if ((Count + 1) * 2 > entries.Length)
            {
                Grow();
            }
            // One word at the piece's first position, or only skipped positions: held in the entry and the pool.
            var type = piece.Tokens.Length == 1 ? Array.IndexOf(StandardTokenizer.TOKEN_TYPES, piece.Tokens[0].Type) : -1;
            var oneWord = type >= 0 && piece.Tokens[0].PositionIncrement == 1 && piece.TrailingPositions == 0;
            var skipsOnly = piece.Tokens.Length == 0;
            var word = oneWord ? piece.Tokens[0].Word : [];
            var poolStart = Append(pieceText, word);
            var entry = oneWord
                ? new TableEntry(hash, poolStart, (short)pieceText.Length, (short)word.Length, (short)piece.Tokens[0].Start,
                    (short)piece.Tokens[0].End, (byte)type, TrailingPositions: 0, Piece: null)
                : new TableEntry(hash, poolStart, (short)pieceText.Length, WordLength: 0, WordStart: 0, WordEnd: 0, Type: 0,
                    TrailingPositions: skipsOnly ? (byte)piece.TrailingPositions : (byte)0, Piece: skipsOnly ? null : piece);
            Insert(entry);
            Count++;
        }

        private int Append(ReadOnlySpan<char> pieceText, char[] word)
        {
            var needed = poolLength + pieceText.Length + word.Length;
            if (needed > Pool.Length)
            {
                var grown = Pool;
                Array.Resize(ref grown, Math.Max(Pool.Length * 2, needed));
                Pool = grown;
            }
            var start = poolLength;
            pieceText.CopyTo(Pool.AsSpan(start));
            word.CopyTo(Pool.AsSpan(start + pieceText.Length));
            poolLength = needed;
            return start;
        }

        private void Grow()
        {
            var old = entries;
            entries = new TableEntry[old.Length * 2];
            foreach (var entry in old)
            {
                if (entry.TextLength != 0)
                {
                    Insert(entry);
                }
            }
        }

        private void Insert(TableEntry entry)
        {
            var mask = entries.Length - 1;
            var slot = entry.Hash & mask;
            while (entries[slot].TextLength != 0)
            {
                slot = (slot + 1) & mask;
            }
            entries[slot] = entry;
        }
    }

    /// <summary>
    /// A kept piece: its text (and, for a one-word piece, its word after it) in the pool; the word's place in the
    /// piece and its type; or, for a piece of stop words, the positions it skips; or Lucene's whole result.
    /// </summary>
    private readonly record struct TableEntry(int Hash, int PoolStart, short TextLength, short WordLength, short WordStart, short WordEnd,
        byte Type, byte TrailingPositions, Piece? Piece);
}
