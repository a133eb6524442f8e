using NewsSearch.Analysis;

namespace NewsSearch.Tests.Analysis;

public sealed class DatelineTests
{
    [Theory]
    [InlineData("NEW YORK", "new york", "New York")]
    [InlineData("New  york ", "new york", "New York")]
    [InlineData("DES MOINES, Iowa", "des moines, iowa", "Des Moines, Iowa")]
    [InlineData("WASHINGTON,", "washington", "Washington")]
    [InlineData("LONDON -", "london", "London")]
    [InlineData("u.s. virgin islands", "u.s. virgin islands", "U.S. Virgin Islands")]
    [InlineData("****LONDON", "london", "London")]
    [InlineData("NEW YORK ,", "new york", "New York")]
    [InlineData("CHARLESTON,\u00A0S.C.", "charleston, s.c.", "Charleston, S.C.")]
    public void KeyAndDisplay_AreTheSameForEveryWayOfWritingAPlace(string written, string key, string display)
    {
        Assert.Equal(key, Dateline.Key(written));
        Assert.Equal(display, Dateline.Display(written));
    }
}
