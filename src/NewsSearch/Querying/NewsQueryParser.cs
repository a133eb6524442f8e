using System.Globalization;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using NewsSearch.Indexing;

namespace NewsSearch.Querying;

/// <summary>
/// Parses the Lucene classic query syntax into a Lucene query, with the checks the classic parser leaves out:
/// unknown fields, impossible dates, unbalanced quotes and parentheses, and queries that only exclude are errors
/// with a position, never a silent zero-hit query. <c>date:</c> takes a day, a month or a year and ranges of them.
/// </summary>
internal static partial class NewsQueryParser
{
    /// <summary>Parses <paramref name="text"/> with the shared analyzer.</summary>
    /// <exception cref="QuerySyntaxException">The query cannot be understood; the message says where and why.</exception>
    public static Query Parse(string text, Analyzer analyzer) => Parse(text, analyzer, NewsFields.DefaultField, NewsFields.Queryable);

    /// <summary>Parses a query over other documents than articles (quotations): its own default field and fields.</summary>
    /// <exception cref="QuerySyntaxException">The query cannot be understood; the message says where and why.</exception>
    public static Query Parse(string text, Analyzer analyzer, string defaultField, IReadOnlySet<string> fields) =>
        Parse(text, analyzer, defaultField, fields, plainWithoutParser: true);

    /// <summary>As <see cref="Parse(string, Analyzer, string, IReadOnlySet{string})"/>; <paramref name="plainWithoutParser"/> false sends every query through the generated parser (for tests comparing the two).</summary>
    internal static Query Parse(string text, Analyzer analyzer, string defaultField, IReadOnlySet<string> fields, bool plainWithoutParser)
    {
        CheckBalance(text);

        // The classic parser keeps state while parsing and is not thread-safe: one per call (it is cheap).
        var parser = new FieldAwareParser(text, analyzer, defaultField, fields);
        Query query;
        try
        {
            query = (plainWithoutParser ? parser.ParsePlain(text) : null) ?? parser.Parse(text);
        }
        catch (ParseException e)
        {
            throw Translate(text, e);
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            throw new QuerySyntaxException(text, null,
                $"the query expands to more than {BooleanQuery.MaxClauseCount} words (a wildcard or fuzzy term matches too much): make it more specific");
        }

        if (query is BooleanQuery { Clauses.Count: 0 })
        {
            throw new QuerySyntaxException(text, null,
                "nothing to search for: the query holds only common words that are not indexed (stop words such as 'the', 'of')");
        }
        if (!HasPositiveClause(query))
        {
            throw new QuerySyntaxException(text, text.Length - text.TrimStart().Length,
                "the query only excludes (-word, NOT word): add a word or a filter to search for, as in 'ukraine -russia'");
        }
        return query;
    }

    private static bool HasPositiveClause(Query query) => query switch
    {
        BooleanQuery boolean => boolean.Clauses.Any(c => c.Occur != Occur.MUST_NOT && HasPositiveClause(c.Query))
                                && boolean.Clauses.Where(c => c.Occur == Occur.MUST).All(c => HasPositiveClause(c.Query)),
        _ => true,
    };

    /// <summary>Finds unbalanced quotes and parentheses before the parser does, to name the position that is open.</summary>
    private static void CheckBalance(string text)
    {
        var openParens = new Stack<int>();
        var quoteStart = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (c == '"')
            {
                quoteStart = quoteStart < 0 ? i : -1;
                continue;
            }
            if (quoteStart >= 0)
            {
                continue;
            }
            if (c == '(')
            {
                openParens.Push(i);
            }
            else if (c == ')')
            {
                if (openParens.Count == 0)
                {
                    throw new QuerySyntaxException(text, i, $"unbalanced parenthesis: ')' at position {i + 1} closes nothing");
                }
                openParens.Pop();
            }
        }
        if (quoteStart >= 0)
        {
            throw new QuerySyntaxException(text, quoteStart, $"unbalanced quotation mark: the phrase opened at position {quoteStart + 1} is never closed");
        }
        if (openParens.Count > 0)
        {
            var open = openParens.Peek();
            throw new QuerySyntaxException(text, open, $"unbalanced parenthesis: '(' at position {open + 1} is never closed");
        }
    }

    private static QuerySyntaxException Translate(string text, ParseException e)
    {
        // Lucene reports "... at line 1, column N." (one-based) deep in the message; keep the place, drop the jargon.
        var detail = (e.InnerException as ParseException) ?? e;
        var match = ColumnPattern().Match(detail.Message);
        int? position = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) - 1 : null;
        var found = EncounteredPattern().Match(detail.Message);
        string what;
        if (found.Success && found.Groups[1].Value == "<EOF>")
        {
            what = "the query ends too early (an operator or a field name with nothing after it)";
            position = text.TrimEnd().Length - 1;
        }
        else if (found.Success)
        {
            what = $"unexpected {found.Groups[1].Value.Trim('"', ' ')}";
        }
        else
        {
            what = "the query cannot be read";
        }
        var where = position is { } p ? $" at position {p + 1}" : string.Empty;
        return new QuerySyntaxException(text, position, $"{what}{where}: check operators (AND, OR, NOT), parentheses and ranges like date:[2023-03-01 TO 2023-03-31]");
    }

    [GeneratedRegex(@"column (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnPattern();

    [GeneratedRegex(@"Encountered \s*(?:""(.*?)""|(<EOF>))", RegexOptions.CultureInvariant)]
    private static partial Regex EncounteredPattern();

    /// <summary>The classic parser with every field-specific query routed through checks and date handling.</summary>
    private sealed class FieldAwareParser : QueryParser
    {
        private readonly string text;
        private readonly IReadOnlySet<string> fields;

        public FieldAwareParser(string text, Analyzer analyzer, string defaultField, IReadOnlySet<string> fields)
            : base(LuceneSettings.Version, defaultField, analyzer)
        {
            this.text = text;
            this.fields = fields;
            DefaultOperator = Operator.OR;
            AllowLeadingWildcard = true;
            AutoGeneratePhraseQueries = true;

            // Dates are handled below without the parser's culture-dependent date parsing; pin culture and zone anyway
            // so nothing here ever depends on the machine's settings.
            Locale = CultureInfo.InvariantCulture;
            TimeZone = TimeZoneInfo.Utc;
        }

        /// <summary>
        /// The query the classic parser makes of <paramref name="query"/> when it is only words and quoted phrases of
        /// ASCII letters and digits, each perhaps marked required (+) or excluded (-), separated by spaces (what most
        /// searches are), made without the parser; <c>null</c> for anything else. The generated parser costs a tenth
        /// of a short query's time, most of it the exception it throws and catches at the end of every input. The
        /// clauses are built by the same calls, in the same order, as the parser's (a test compares the two on
        /// generated queries).
        /// </summary>
        public Query? ParsePlain(string query)
        {
            var parts = PlainParts(query);
            if (parts is null)
            {
                return null;
            }
            var clauses = new List<BooleanClause>(parts.Count);
            Query? first = null;
            for (var i = 0; i < parts.Count; i++)
            {
                var (part, quoted, occur) = parts[i];
                var clause = AnalyzedQuery(part, out var analyzed) ? analyzed : quoted ? GetFieldQuery(Field, part, PhraseSlop) : GetFieldQuery(Field, part, false);
                if (i == 0 && occur == Occur.SHOULD)
                {
                    first = clause;
                }
                if (clause is not null)
                {
                    clauses.Add(NewBooleanClause(clause, occur));
                }
            }
            // As the parser: one unmarked clause that came first stands alone; words the analyzer dropped leave no clause.
            if (clauses.Count == 1 && first is not null)
            {
                return first;
            }
            var all = NewBooleanQuery(false);
            foreach (var clause in clauses)
            {
                all.Add(clause);
            }
            return all;
        }

        /// <summary>
        /// The query the parser's field query makes of one word or phrase of the default field (phrases are generated
        /// either way, quoted or not, and both take the parser's phrase slop): nothing when the analyzer leaves no
        /// word, a term for one word, else a phrase at the words' positions. Lucene's version buffers the tokens in a
        /// cache that copies every token's attributes, a twentieth of a short query; <c>false</c> when two words share a
        /// position (synonyms), which is left to Lucene.
        /// </summary>
        private bool AnalyzedQuery(string text, out Query? query)
        {
            query = null;
            var words = new List<(string Word, int Increment)>();
            using (var stream = Analyzer.GetTokenStream(Field, text))
            {
                var term = stream.AddAttribute<ICharTermAttribute>();
                var increment = stream.AddAttribute<IPositionIncrementAttribute>();
                stream.Reset();
                while (stream.IncrementToken())
                {
                    if (increment.PositionIncrement == 0)
                    {
                        return false;
                    }
                    words.Add((term.ToString(), increment.PositionIncrement));
                }
                stream.End();
            }
            if (words.Count == 1)
            {
                query = NewTermQuery(new Term(Field, words[0].Word));
            }
            else if (words.Count > 1)
            {
                var phrase = NewPhraseQuery();
                phrase.Slop = PhraseSlop;
                var position = -1;
                foreach (var (word, step) in words)
                {
                    position += EnablePositionIncrements ? step : 1;
                    phrase.Add(new Term(Field, word), position);
                }
                query = phrase;
            }
            return true;
        }

        /// <summary>The words and phrases of a query that is nothing else, with how each must occur, or <c>null</c>.</summary>
        private static List<(string Text, bool Quoted, Occur Occur)>? PlainParts(string query)
        {
            var parts = new List<(string, bool, Occur)>();
            var i = 0;
            while (i < query.Length)
            {
                if (query[i] == ' ')
                {
                    i++;
                    continue;
                }
                // With OR as the default operator, the parser makes unmarked words optional.
                var occur = query[i] switch { '+' => Occur.MUST, '-' => Occur.MUST_NOT, _ => Occur.SHOULD };
                if (occur != Occur.SHOULD)
                {
                    i++;
                }
                var quoted = i < query.Length && query[i] == '"';
                var start = quoted ? i + 1 : i;
                var end = start;
                while (end < query.Length && (char.IsAsciiLetterOrDigit(query[end]) || (quoted && query[end] == ' ')))
                {
                    end++;
                }
                if (quoted)
                {
                    // A phrase ends at its closing quote, followed by a space or the end (not by ~2, ^3 or more text).
                    if (end >= query.Length || query[end] != '"' || (end + 1 < query.Length && query[end + 1] != ' '))
                    {
                        return null;
                    }
                    parts.Add((query[start..end], true, occur));
                    i = end + 1;
                    continue;
                }
                if (end == start || (end < query.Length && query[end] != ' '))
                {
                    return null;
                }
                var word = query[start..end];
                if (word is "AND" or "OR" or "NOT")
                {
                    return null;
                }
                parts.Add((word, false, occur));
                i = end;
            }
            return parts.Count == 0 ? null : parts;
        }

        protected override Query GetFieldQuery(string field, string queryText, bool quoted)
        {
            CheckField(field);
            return field == NewsFields.Date ? DateQuery(queryText) : base.GetFieldQuery(field, queryText, quoted);
        }

        protected override Query GetFieldQuery(string field, string queryText, int slop)
        {
            CheckField(field);
            return field == NewsFields.Date ? DateQuery(queryText) : base.GetFieldQuery(field, queryText, slop);
        }

        protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
        {
            CheckField(field);
            if (field != NewsFields.Date)
            {
                return base.GetRangeQuery(field, part1, part2, startInclusive, endInclusive);
            }
            int? lower = null, upper = null;
            if (part1 is not null and not "*")
            {
                var range = ParseDate(part1);
                lower = ArticleDocument.DayNumber(startInclusive ? range.First : range.Last);
            }
            if (part2 is not null and not "*")
            {
                var range = ParseDate(part2);
                upper = ArticleDocument.DayNumber(endInclusive ? range.Last : range.First);
            }
            if (lower is { } l && upper is { } u && l > u)
            {
                throw new QuerySyntaxException(text, Find(part1!), $"empty date range: {part1} is after {part2}");
            }
            return NumericRangeQuery.NewInt32Range(NewsFields.Date, lower, upper, startInclusive || lower is null, endInclusive || upper is null);
        }

        protected override Query GetWildcardQuery(string field, string termStr)
        {
            CheckNotDate(field, termStr);
            return base.GetWildcardQuery(field, termStr);
        }

        protected override Query GetPrefixQuery(string field, string termStr)
        {
            CheckNotDate(field, termStr);
            return base.GetPrefixQuery(field, termStr);
        }

        protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity)
        {
            CheckNotDate(field, termStr);
            return base.GetFuzzyQuery(field, termStr, minSimilarity);
        }

        protected override Query GetRegexpQuery(string field, string termStr)
        {
            CheckNotDate(field, termStr);
            return base.GetRegexpQuery(field, termStr);
        }

        private NumericRangeQuery<int> DateQuery(string value)
        {
            var range = ParseDate(value);
            return NumericRangeQuery.NewInt32Range(NewsFields.Date, ArticleDocument.DayNumber(range.First), ArticleDocument.DayNumber(range.Last), true, true);
        }

        private DateRange ParseDate(string value) =>
            DateRange.TryParse(value, out var range, out var error) ? range : throw new QuerySyntaxException(text, Find(value), error);

        private void CheckField(string field)
        {
            if (fields.Contains(field))
            {
                return;
            }
            var known = string.Join(", ", fields.Order(StringComparer.Ordinal));
            var suggestion = fields.FirstOrDefault(f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase));
            var hint = suggestion is null ? $"the fields are {known}" : $"did you mean '{suggestion}'?";
            throw new QuerySyntaxException(text, Find(field + ":"), $"unknown field '{field}': {hint}");
        }

        private void CheckNotDate(string field, string term)
        {
            CheckField(field);
            if (field == NewsFields.Date)
            {
                throw new QuerySyntaxException(text, Find(term),
                    $"date:{term} is not a date: use date:2023, date:2023-03, date:2023-03-07 or date:[2023-03-01 TO 2023-03-31]");
            }
        }

        private int? Find(string fragment)
        {
            var at = text.IndexOf(fragment, StringComparison.Ordinal);
            return at >= 0 ? at : null;
        }
    }
}
