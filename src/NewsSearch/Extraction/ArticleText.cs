namespace NewsSearch.Extraction;

/// <summary>
/// A body cut up for attribution: tokens, the paragraph and sentence of each token, and the quotations with the
/// tokens of their marks. A quotation is one unit of its sentence: the full stops inside it do not end the sentence
/// around it, so in <c>"We are ready. We will go," he said.</c> the cue after the quotation is in the same sentence.
/// </summary>
internal sealed class ArticleText
{
    private int[] sentenceStarts = [];
    private int[] sentenceEnds = [];

    private ArticleText(string body, List<TextToken> tokens, List<(int Start, int End)> paragraphs, List<QuoteSpan> quotes)
    {
        Body = body;
        Tokens = tokens;
        Paragraphs = paragraphs;
        Quotes = quotes;
        Paragraph = new int[tokens.Count];
        Sentence = new int[tokens.Count];
        QuoteOf = new int[tokens.Count];
        QuoteOpenToken = new int[quotes.Count];
        QuoteCloseToken = new int[quotes.Count];
        QuoteLastToken = new int[quotes.Count];
        MapQuotes();
        MapParagraphsAndSentences();
    }

    public string Body { get; }

    public List<TextToken> Tokens { get; }

    public List<(int Start, int End)> Paragraphs { get; }

    public List<QuoteSpan> Quotes { get; }

    /// <summary>Paragraph index of each token.</summary>
    public int[] Paragraph { get; }

    /// <summary>Sentence number of each token; a quotation's tokens share the number of its opening mark.</summary>
    public int[] Sentence { get; }

    /// <summary>For each token, the quotation it belongs to (its marks included), or -1.</summary>
    public int[] QuoteOf { get; }

    /// <summary>For each quotation, the token of its opening mark.</summary>
    public int[] QuoteOpenToken { get; }

    /// <summary>For each quotation, the token of its closing mark, or -1 when it is unclosed.</summary>
    public int[] QuoteCloseToken { get; }

    /// <summary>For each quotation, its last token (the closing mark, or the last quoted token when unclosed).</summary>
    public int[] QuoteLastToken { get; }

    public int Count => Tokens.Count;

    public static ArticleText Build(string body)
    {
        var paragraphs = QuotationMarks.Paragraphs(body);
        return new ArticleText(body, TextTokens.Tokenize(body), paragraphs, QuotationMarks.Find(body, paragraphs));
    }

    public TextToken this[int index] => Tokens[index];

    public bool InQuote(int token) => QuoteOf[token] >= 0;

    /// <summary>Whether the token's word is a cue of this kind (see <see cref="Lexicon"/>).</summary>
    public bool Is(int token, CueKind kind) => token >= 0 && token < Tokens.Count && (Tokens[token].Cue & kind) != 0;

    /// <summary>Whether the token is a word outside every quotation: only those can be cues and sources.</summary>
    public bool IsOpenWord(int token) => token >= 0 && token < Tokens.Count && Tokens[token].IsWord && QuoteOf[token] < 0;

    public bool SameSentence(int a, int b) => a >= 0 && b >= 0 && a < Count && b < Count && Sentence[a] == Sentence[b];

    /// <summary>The first token of the sentence holding <paramref name="token"/>.</summary>
    public int SentenceStart(int token) => sentenceStarts[Sentence[token]];

    /// <summary>The last token of the sentence holding <paramref name="token"/>.</summary>
    public int SentenceEnd(int token) => sentenceEnds[Sentence[token]];

    public string TextOf(int first, int last) => Body[Tokens[first].Start..Tokens[last].End];

    private void MapQuotes()
    {
        Array.Fill(QuoteOf, -1);
        var t = 0;
        for (var q = 0; q < Quotes.Count; q++)
        {
            var quote = Quotes[q];
            while (t < Tokens.Count && Tokens[t].Start < quote.Open)
            {
                t++;
            }
            QuoteOpenToken[q] = t;
            QuoteCloseToken[q] = -1;
            var limit = quote.Close >= 0 ? quote.Close : quote.TextEnd - 1;
            var last = t;
            while (t < Tokens.Count && Tokens[t].Start <= limit)
            {
                QuoteOf[t] = q;
                last = t;
                t++;
            }
            QuoteLastToken[q] = last;
            if (quote.Close >= 0)
            {
                QuoteCloseToken[q] = last;
            }
        }
    }

    private void MapParagraphsAndSentences()
    {
        var paragraph = 0;
        var sentence = 0;
        for (var t = 0; t < Tokens.Count; t++)
        {
            var token = Tokens[t];
            var newParagraph = false;
            while (paragraph + 1 < Paragraphs.Count && token.Start >= Paragraphs[paragraph + 1].Start)
            {
                paragraph++;
                newParagraph = true;
            }
            Paragraph[t] = paragraph;
            var q = QuoteOf[t];
            if (q >= 0 && QuoteOpenToken[q] != t)
            {
                // Inside a quotation (even one that runs over paragraphs): the sentence of its opening mark.
                Sentence[t] = Sentence[QuoteOpenToken[q]];
                continue;
            }
            if (t > 0 && (newParagraph || EndsSentence(t - 1)))
            {
                sentence++;
            }
            Sentence[t] = sentence;
        }

        // First and last token of each sentence; a quotation's tokens (numbered with their opening mark) may lie
        // outside the run of tokens numbered in order, so take the extremes.
        sentenceStarts = new int[sentence + 1];
        sentenceEnds = new int[sentence + 1];
        Array.Fill(sentenceStarts, int.MaxValue);
        Array.Fill(sentenceEnds, -1);
        for (var t = 0; t < Tokens.Count; t++)
        {
            var s = Sentence[t];
            sentenceStarts[s] = Math.Min(sentenceStarts[s], t);
            sentenceEnds[s] = Math.Max(sentenceEnds[s], t);
        }
    }

    /// <summary>Whether a sentence ends after token <paramref name="t"/> (a full stop outside quotations, or a quotation that ends in one).</summary>
    private bool EndsSentence(int t)
    {
        var token = Tokens[t];
        if (t + 1 >= Tokens.Count)
        {
            return true;
        }
        if (QuoteOf[t] >= 0)
        {
            // A closing mark after terminal punctuation: "... we will win." Then a new sentence.
            var q = QuoteOf[t];
            if (QuoteCloseToken[q] != t || !StartsSentence(Tokens[t + 1]))
            {
                return false;
            }
            var lastChar = Body[Quotes[q].TextEnd - 1];
            return lastChar is '.' or '!' or '?' or '…';
        }
        // The next token is looked at only after a full stop: this runs for every token of every article.
        return !token.IsWord && token.Text is "." or "!" or "?" && StartsSentence(Tokens[t + 1]);
    }

    private static bool StartsSentence(TextToken token) => token.IsCapitalized || char.IsDigit(token.Text[0]) || token.IsDoubleQuote;
}
