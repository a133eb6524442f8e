namespace NewsSearch.Extraction;

/// <summary>
/// Deciding whether a run of capitalised words names a person, and reducing it to the bare name:
/// "China's Foreign Minister Qin Gang" becomes "Qin Gang"; "State Department" and "New Delhi" are not people.
/// </summary>
internal static class PersonNames
{
    // Words that qualify a name without being part of it. Kept as data so the lists are easy to extend.
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "President", "Vice", "Prime", "Minister", "Ministers", "Secretary", "Chancellor", "Governor", "Gov.", "Senator", "Sen.",
        "Rep.", "Representative", "Congressman", "Congresswoman", "Mayor", "General", "Gen.", "Dr.", "Mr.", "Mrs.", "Ms.",
        "Prof.", "Professor", "Chairman", "Chairwoman", "Chair", "CEO", "Chief", "Executive", "Officer", "Director",
        "Spokesman", "Spokeswoman", "Spokesperson", "Ambassador", "Envoy", "King", "Queen", "Prince", "Princess", "Pope",
        "Judge", "Justice", "Commissioner", "Deputy", "Premier", "Leader", "Speaker", "Admiral", "Adm.", "Colonel", "Col.",
        "Captain", "Capt.", "Lieutenant", "Lt.", "Sergeant", "Sgt.", "Commander", "Marshal", "Defence", "Defense",
        "Foreign", "Finance", "Interior", "Health", "Trade", "Economy", "Economic", "Energy", "Home", "State", "Treasury",
        "Attorney", "Former", "Acting", "Senior", "Sheikh", "Crown", "Cardinal", "Bishop", "Archbishop", "Rabbi", "Imam",
        "Lord", "Lady", "Sir", "Dame", "Managing", "Founder", "Co-founder", "Analyst", "Economist", "Coach", "Manager",
        "Striker", "Midfielder", "Goalkeeper", "Captain", "Opposition", "Party", "Labour", "Conservative", "Republican",
        "Democrat", "Democratic", "Chief-Executive", "Agriculture", "Industry", "Education", "Transport", "Justice",
        "Environment", "Information", "Communications", "Labor", "Budget", "Central", "Bank", "Federal", "Reserve",
        "Supreme", "Incoming", "Outgoing", "Interim", "National", "Security", "Adviser", "Advisor", "Counsel",
        "Superintendent", "Inspector", "Detective", "Officer", "Police", "Sheriff", "Chancellor", "Dean",
    };

    private static readonly HashSet<string> Demonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        "American", "British", "Chinese", "Russian", "Ukrainian", "French", "German", "Indian", "Japanese", "Korean",
        "Iranian", "Iraqi", "Israeli", "Palestinian", "Syrian", "Turkish", "Egyptian", "Saudi", "Pakistani", "Afghan",
        "Australian", "Canadian", "Mexican", "Brazilian", "Argentine", "Italian", "Spanish", "Polish", "Dutch", "Belgian",
        "Swiss", "Swedish", "Norwegian", "Danish", "Finnish", "Greek", "Irish", "Scottish", "Welsh", "English", "European",
        "African", "Nigerian", "Kenyan", "South", "North", "Taiwanese", "Vietnamese", "Thai", "Indonesian", "Filipino",
        "Malaysian", "Singaporean", "Venezuelan", "Colombian", "Chilean", "Peruvian", "Cuban", "Belarusian", "Hungarian",
        "Czech", "Romanian", "Bulgarian", "Serbian", "Croatian", "Austrian", "Portuguese", "Lebanese", "Jordanian",
        "Emirati", "Qatari", "Kuwaiti", "Yemeni", "Libyan", "Tunisian", "Moroccan", "Algerian", "Ethiopian", "Western",
        "Eastern", "Soviet", "U.S.", "U.K.", "U.N.", "E.U.", "EU", "UN", "US", "UK", "NATO", "Nato",
    };

    // A word that makes a run an organisation or a place rather than a person.
    private static readonly HashSet<string> NotPersonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Ministry", "Office", "Police", "Government", "Agency", "Reuters", "Congress", "Council", "Committee", "Department",
        "Company", "Inc", "Corp", "Corporation", "Ltd", "Co", "Group", "University", "Commission", "Court", "Army",
        "Forces", "Force", "Union", "Association", "Institute", "Times", "Post", "News", "House", "Street", "Bank",
        "Board", "Authority", "Administration", "Parliament", "Senate", "Assembly", "Cabinet", "Kremlin", "Pentagon",
        "Organization", "Organisation", "Fund", "Exchange", "Service", "Services", "Federation", "League", "Club",
        "Team", "Party", "Embassy", "Navy", "Guard", "Centre", "Center", "Foundation", "Network", "Press", "Television",
        "Radio", "Journal", "Daily", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Statement", "Report", "Survey", "Index", "Markets", "Industries", "Holdings", "Airlines", "Motors",
        "States", "Kingdom", "Republic", "Korea", "Africa", "Arabia", "Zealand", "Delhi", "York", "Kong", "Lanka",
        "Angeles", "Francisco", "City", "County", "Province", "Region", "Island", "Islands", "Ocean", "Sea", "River",
    };

    private static readonly HashSet<string> NonNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "A", "An", "This", "That", "These", "Those", "He", "She", "They", "It", "We", "I", "You", "His", "Her",
        "Their", "Its", "Our", "My", "Your", "Officials", "Official", "Analysts", "Experts", "Police", "Witnesses",
        "Sources", "Residents", "Critics", "Others", "Some", "Many", "Both", "All", "Asked", "But", "And", "Or", "So",
        "When", "While", "If", "As", "In", "On", "At", "After", "Before", "However", "Meanwhile", "Also", "Still",
        "Yet", "Then", "There", "Here", "Who", "What", "Why", "How", "Where", "No", "Not", "Mr", "Mrs", "Ms",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "da", "di", "du", "dos", "das", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "el", "la", "le", "ter", "ten",
    };

    /// <summary>Whether a token may be part of a name run (capitalised word, title abbreviation or name particle).</summary>
    public static bool CanBePartOfName(TextToken token) =>
        token.IsWord && (token.IsCapitalized || Particles.Contains(token.Text));

    /// <summary>
    /// Strips titles and qualifiers from a run of name words and returns the person's name, or <c>null</c> when the
    /// run does not look like a person.
    /// </summary>
    public static string? ToPersonName(IReadOnlyList<string> run)
    {
        var start = 0;
        while (start < run.Count && (IsQualifier(run[start]) || NonNames.Contains(run[start])))
        {
            start++;
        }
        var end = run.Count;
        while (end > start && Particles.Contains(run[end - 1]))
        {
            end--;
        }
        while (start < end && Particles.Contains(run[start]))
        {
            start++;
        }
        if (start >= end || end - start > 4)
        {
            return null;
        }

        var words = run.Skip(start).Take(end - start).ToList();
        foreach (var word in words)
        {
            if (NotPersonWords.Contains(word) || IsPossessive(word) || word.Contains('.', StringComparison.Ordinal) && word.Length > 2
                || word.All(c => !char.IsLetter(c) || char.IsUpper(c)) && word.Length > 1)
            {
                return null;
            }
        }
        return string.Join(' ', words);
    }

    private static bool IsQualifier(string word) =>
        Titles.Contains(word) || Demonyms.Contains(word) || IsPossessive(word);

    private static bool IsPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)
        || word.EndsWith("s'", StringComparison.Ordinal);
}
