using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace NewsSearch.Analysis;

/// <summary>
/// Folds the spelling differences that transliteration puts into names, so one person is found however the
/// writer romanised the name: Zelensky, Zelenskiy, Zelenskyy and Zelenskij all become <c>zelenski</c>; Dmitry and
/// Dmitri become <c>dmitri</c>; Mikhail and Mihail <c>mihail</c>; Gaddafi and Gadafi <c>gadafi</c>. The rules, applied to
/// a lower-case word with accents already folded, in order:
/// <list type="number">
/// <item>"kh" becomes "h";</item>
/// <item>"y" becomes "i";</item>
/// <item>a final "ij" becomes "i";</item>
/// <item>a doubled letter becomes single.</item>
/// </list>
/// They only merge spellings that differ in those letters: "Zelenko" stays <c>zelenko</c> and does not match.
/// </summary>
internal static class NameVariants
{
    public static string Fold(string word)
    {
        var builder = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == 'k' && i + 1 < word.Length && word[i + 1] == 'h')
            {
                continue;
            }
            builder.Append(c == 'y' ? 'i' : c);
        }
        if (builder.Length > 2 && builder[^1] == 'j' && builder[^2] == 'i')
        {
            builder.Length--;
        }
        var folded = new StringBuilder(builder.Length);
        for (var i = 0; i < builder.Length; i++)
        {
            if (i > 0 && builder[i] == builder[i - 1] && char.IsLetter(builder[i]))
            {
                continue;
            }
            folded.Append(builder[i]);
        }
        return folded.ToString();
    }
}

/// <summary>Applies <see cref="NameVariants.Fold"/> to each token; the speaker field's analyzer uses it at index and query time alike.</summary>
internal sealed class NameVariantFilter : TokenFilter
{
    private readonly ICharTermAttribute term;

    public NameVariantFilter(TokenStream input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var folded = NameVariants.Fold(term.ToString());
        term.SetEmpty().Append(folded);
        return true;
    }
}
