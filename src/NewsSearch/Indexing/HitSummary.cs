using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace NewsSearch.Indexing;

/// <summary>
/// The fields of a result line that are not doc values already (id, title, speakers in order), packed into one
/// binary doc value per article: <c>id US title US speaker US speaker ...</c> with US the unit separator
/// (U+001F), which the values never hold (it is replaced by a space).
/// </summary>
internal static class HitSummary
{
    private const char Separator = '\u001f';

    public static BytesRef Encode(string id, string? title, IReadOnlyList<string> speakers)
    {
        var text = new StringBuilder(id.Length + (title?.Length ?? 0) + 32);
        text.Append(Clean(id)).Append(Separator).Append(Clean(title ?? string.Empty));
        foreach (var speaker in speakers)
        {
            text.Append(Separator).Append(Clean(speaker));
        }
        return new BytesRef(text.ToString());
    }

    /// <summary>The id, title (<c>null</c> when none) and speakers of a document, or <c>null</c> when it has no summary.</summary>
    public static (string Id, string? Title, string[] Speakers)? Read(BinaryDocValues? values, IBits? present, int doc, BytesRef scratch)
    {
        if (values is null || present is null || !present.Get(doc))
        {
            return null;
        }
        values.Get(doc, scratch);
        var parts = scratch.Utf8ToString().Split(Separator);
        return (parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null, parts.Length > 2 ? parts[2..] : []);
    }

    private static string Clean(string value) => value.Replace(Separator, ' ');
}
