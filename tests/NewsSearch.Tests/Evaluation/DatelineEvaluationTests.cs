using NewsSearch.Evaluation;
using static NewsSearch.Tests.TestFolder;

namespace NewsSearch.Tests.Evaluation;

/// <summary>
/// The dateline measurement on a miniature copy of the shared corpora's layout, written here: the real corpora
/// are not needed for the suite.
/// </summary>
public sealed class DatelineEvaluationTests : IDisposable
{
    private readonly TestFolder corpora = new();

    public DatelineEvaluationTests()
    {
        corpora.WriteGzip("reuters21578/reut2-000.sgm.gz", """
            <REUTERS TOPICS="YES" NEWID="1">
            <DATE>26-FEB-1987 15:01:01.79</DATE>
            <TEXT>&#2;
            <TITLE>BAHIA COCOA REVIEW</TITLE>
            <DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued in the Bahia cocoa zone.
             Reuter
            &#3;</BODY></TEXT>
            </REUTERS>
            <REUTERS TOPICS="NO" NEWID="2">
            <TEXT>&#2;
            <DATELINE>    WASHINGTON, April 9 - The World Bank said it approved a 70-</DATELINE><BODY>mln dlr loan.
            &#3;</BODY></TEXT>
            </REUTERS>
            <REUTERS TOPICS="NO" NEWID="3">
            <TEXT>&#2;
            <DATELINE>Bids only - </DATELINE><BODY>1 month   5-7/8 two       5-7/8
            &#3;</BODY></TEXT>
            </REUTERS>
            <REUTERS TOPICS="NO" NEWID="4">
            <TEXT TYPE="UNPROC">&#2;
            LONDON GOLD - APRIL 7 418.70 DLRS, FIX CONTINUES
            &#3;</TEXT>
            </REUTERS>
            """);
        corpora.WriteGzip("reuters21578/reuters21578.jsonl.gz", """
            {"id": "reuters-1", "date": "1987-02-26T15:01:01.79", "dateline": "SALVADOR", "title": "BAHIA COCOA REVIEW", "body": "Showers continued in the Bahia cocoa zone."}
            {"id": "reuters-2", "date": null, "dateline": "WASHINGTON", "title": "", "body": "The World Bank said it approved a 70- mln dlr loan."}
            {"id": "reuters-3", "date": null, "dateline": "Bids only", "title": "", "body": "1 month 5-7/8 two 5-7/8"}
            {"id": "reuters-4", "date": null, "dateline": "", "title": "", "body": "LONDON GOLD - APRIL 7 418.70 DLRS, FIX CONTINUES"}
            {"id": "reuters-5", "date": null, "dateline": "", "title": "BRIEF ONLY", "body": ""}

            """);
        corpora.WriteTar("polnear/polnear-v1.0.0-train-dev.tar.gz",
            ("PolNeAR/data/train/text/x.txt", Utf8("Activists who lit the spark\n\nBeirut (AFP) – When activists took\nto the streets.\n\nSecond paragraph.\n")),
            ("PolNeAR/data/dev/text/y.txt", Utf8("Oz on air\n\nMehmet Oz — surgeon and host — said so.\n")),
            ("PolNeAR/README.md", Utf8("not an article")));
        corpora.WriteGzip("polnear/polnear.jsonl.gz", """
            {"id": "x", "date": "2016-03-11", "dateline": "Beirut", "title": "Activists who lit the spark", "body": "When activists took to the streets.\n\nSecond paragraph."}
            {"id": "y", "date": "2016-03-12", "dateline": "", "title": "Oz on air", "body": "Mehmet Oz — surgeon and host — said so."}

            """);
    }

    public void Dispose() => corpora.Dispose();

    [Fact]
    public void Reuters_PutsTheSgmlDatelineBackInFrontOfTheBody_AndScoresThePlaces()
    {
        var input = Path.Combine(corpora.Path, "reuters-wire.jsonl");

        var score = DatelineEvaluation.Reuters(corpora.Path, input);

        Assert.Equal(("Reuters-21578", 3, 2, 1, 0), (score.Corpus, score.Articles, score.Found, score.WithoutPlace, score.FalsePlaces));
        var miss = Assert.Single(score.Misses);
        Assert.Equal(("not found", "Aa a -", 1, "reuters-3"), (miss.Kind, miss.Shape, miss.Count, miss.Example.Id));
        var lines = File.ReadAllLines(input);
        Assert.Contains("\"body\":\"SALVADOR, Feb 26 - Showers continued in the Bahia cocoa zone.\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"body\":\"WASHINGTON, April 9 - The World Bank said it approved a 70- mln dlr loan.\"", lines[1], StringComparison.Ordinal);
        Assert.All(lines, line => Assert.Contains("\"dateline\":\"\"", line, StringComparison.Ordinal));
    }

    [Fact]
    public void PolNeAR_ReadsTheTextsAsPublished_AndScoresThePlaces()
    {
        var score = DatelineEvaluation.PolNeAR(corpora.Path);

        Assert.Equal((1, 1, 1, 0), (score.Articles, score.Found, score.WithoutPlace, score.FalsePlaces));
        Assert.Equal(1.0, score.Share);
    }

    [Fact]
    public void MissingCorpus_SaysWhereItLooked()
    {
        var error = Assert.Throws<NewsSearchException>(() => DatelineEvaluation.Reuters(Path.Combine(corpora.Path, "nope")));

        Assert.Contains("--corpora", error.Message, StringComparison.Ordinal);
    }
}
