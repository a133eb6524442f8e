using System.Text;

namespace NewsSearch.Ingest;

/// <summary>
/// Reads a stream line by line as strict UTF-8, with line numbers, in bounded memory. Bytes that are not UTF-8
/// are reported against the line that holds them instead of being replaced silently; a NUL byte marks a binary file.
/// </summary>
internal sealed class Utf8LineReader
{
    private const int MaxLineBytes = 16 * 1024 * 1024;
    private static readonly Encoding Strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream stream;
    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private bool endOfStream;
    private bool atStart = true;

    public Utf8LineReader(Stream stream) => this.stream = stream;

    /// <summary>One-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line without its line break; <c>false</c> at the end of the stream.</summary>
    /// <exception cref="InputFormatException">The line is not UTF-8, or the input is binary.</exception>
    public bool TryReadLine(out string line)
    {
        if (atStart)
        {
            CheckStart();
        }
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline >= 0)
            {
                var from = start;
                start = newline + 1;
                line = Decode(from, newline);
                return true;
            }
            if (endOfStream)
            {
                if (start == end)
                {
                    line = string.Empty;
                    return false;
                }
                var from = start;
                start = end;
                line = Decode(from, end);
                return true;
            }
            Fill();
        }
    }

    /// <summary>
    /// Every line, in order. A line that cannot be decoded comes as a <see cref="TextLine"/> with its
    /// <see cref="TextLine.Error"/> set; after an error that concerns the whole input, nothing more is read.
    /// </summary>
    public IEnumerable<TextLine> Lines()
    {
        while (true)
        {
            string line;
            InputFormatException? error = null;
            try
            {
                if (!TryReadLine(out line))
                {
                    yield break;
                }
            }
            catch (InputFormatException e)
            {
                error = e;
                line = string.Empty;
            }
            yield return new TextLine(line, error?.Line ?? LineNumber, error);
            if (error is { WholeInput: true })
            {
                yield break;
            }
        }
    }

    private void CheckStart()
    {
        atStart = false;
        while (!endOfStream && end - start < 8192)
        {
            Fill();
        }
        var head = buffer.AsSpan(start, end - start);
        if (head.Length >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF))
        {
            throw new InputFormatException(null, "UTF-16 text: save the file as UTF-8", wholeInput: true);
        }
        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            start += 3;
            head = head[3..];
        }
        if (head.Contains((byte)0))
        {
            throw new InputFormatException(null, "binary file (it contains NUL bytes): only UTF-8 text can be indexed", wholeInput: true);
        }
    }

    private void Fill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length)
        {
            if (buffer.Length >= MaxLineBytes)
            {
                throw new InputFormatException(LineNumber + 1, $"line longer than {MaxLineBytes / (1024 * 1024)} MB: this is not article text", wholeInput: true);
            }
            Array.Resize(ref buffer, buffer.Length * 2);
        }
        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            endOfStream = true;
        }
        end += read;
    }

    private string Decode(int from, int to)
    {
        LineNumber++;
        var length = to - from;
        if (length > 0 && buffer[to - 1] == '\r')
        {
            length--;
        }
        var bytes = buffer.AsSpan(from, length);
        if (bytes.Contains((byte)0))
        {
            throw new InputFormatException(LineNumber, "binary data (a NUL byte): only UTF-8 text can be indexed", wholeInput: true);
        }
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var column = FirstInvalidByte(bytes);
            throw new InputFormatException(LineNumber,
                $"bytes that are not UTF-8 (0x{bytes[column]:X2} at column {column + 1}): convert the file to UTF-8", wholeInput: false);
        }
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return 0;
    }
}

/// <summary>One line of text, or the reason it could not be read.</summary>
/// <param name="Text">The line without its line break; empty when <paramref name="Error"/> is set.</param>
/// <param name="Number">One-based line number (for a whole-input error, the line where reading stopped).</param>
/// <param name="Error">Why the line could not be read, or <c>null</c>.</param>
internal readonly record struct TextLine(string Text, int Number, InputFormatException? Error);

/// <summary>Input that cannot be read as text.</summary>
internal sealed class InputFormatException : Exception
{
    public InputFormatException(int? line, string reason, bool wholeInput)
        : base(reason)
    {
        Line = line;
        WholeInput = wholeInput;
    }

    public int? Line { get; }

    /// <summary>Whether nothing more can be read from the input (binary, wrong encoding) or only this line is bad.</summary>
    public bool WholeInput { get; }
}
