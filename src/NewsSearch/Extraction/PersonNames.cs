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
        "Superintendent", "Inspector", "Detective", "Officer", "Police", "Sheriff", "Chancellor", "Dean", "Mx.", "Rev.",
        "Hon.", "Amb.", "Supt.", "Sens.", "Reps.", "Govs.", "Nominee", "Candidate", "Presidential", "GOP", "Homeland",
        "Assistant", "Associate", "Undersecretary", "Under", "Legislator", "Lawmaker", "Councilman", "Councilwoman",
        "Councillor", "Alderman", "Assemblyman", "Assemblywoman", "Delegate", "Mrs", "Mr", "Ms", "Miss", "Madam",
        "Sister", "Brother", "Father", "Rev", "Reverend", "Pastor", "Secretary-General", "President-elect", "Emir",
        "Chairperson", "Businessman", "Businesswoman", "Billionaire", "Mogul", "Host", "Anchor", "Commentator",
        "Spokesmen", "Cmdr.", "Maj.", "Cpl.", "Det.", "Insp.", "Pres.", "Sec.", "Rabbi", "Ex-President",
        "Vice-President", "Vice-Premier", "Under-Secretary", "Vice-Chairman", "Vice-Chancellor", "Vice-Minister", "Treasurer", "Rep", "Sen",
        "Dr", "Gov", "Prof", "Major", "Tory", "Defender", "Winger", "Fly-half", "Scrum-half", "Full-back", "Centre-back",
    };

    // Titles that qualify another title ("Foreign Minister", "Economic Adviser") and also name newspapers, banks and
    // parties ("Economic Observer", "Federal Reserve").
    private static readonly HashSet<string> TitleModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "Vice", "Prime", "Foreign", "Finance", "Interior", "Health", "Trade", "Economy", "Economic", "Energy", "Home",
        "State", "Treasury", "Former", "Acting", "Senior", "Crown", "Managing", "Opposition", "Party", "Labour",
        "Conservative", "Democratic", "Agriculture", "Industry", "Education", "Transport", "Environment", "Information",
        "Communications", "Labor", "Budget", "Central", "Bank", "Federal", "Reserve", "Supreme", "Incoming", "Outgoing",
        "Interim", "National", "Security", "Presidential", "GOP", "Homeland", "Assistant", "Associate", "Under",
        "Defence", "Defense", "Deputy", "Attorney", "Executive", "Chief", "Justice",
    };

    // Portfolios, which stand between a title and a name in "Minister of Mines Subroto" and "Chief of Staff Howard
    // Baker". Unlike a title they do not make a lone word a person ("Oil World said" is a newsletter). Those that are
    // also surnames (Power, Waters) are left out.
    private static readonly HashSet<string> Portfolios = new(StringComparer.OrdinalIgnoreCase)
    {
        "Affairs", "Commerce", "Mines", "Mining", "Planning", "Development", "Staff", "Exchequer", "Currency", "Housing",
        "Tourism", "Fisheries", "Forestry", "Employment", "Welfare", "Aviation", "Telecommunications", "Technology",
        "Research", "Science", "Culture", "Cooperatives", "Works",
    };

    // Titles that are also common surnames: a name may end with them ("Howard Dean", "Martin Luther King").
    private static readonly HashSet<string> TitlesThatAreSurnames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Dean", "King", "Marshal", "Bishop", "Judge", "Justice", "Chancellor", "Speaker", "Sheriff", "Cardinal", "Lord",
        "Prince", "Pope", "Chief", "Major", "Young", "Rice", "Price", "Gardner", "Carpenter", "Mayor", "Governor",
    };

    private enum OfficeWord : byte
    {
        None,
        HeadTitle,
        OtherTitle,
        Portfolio,
    }

    // Every title and portfolio in one table: the office scan and the qualifier test ask it of every word of every run.
    private static readonly Dictionary<string, OfficeWord> OfficeWords = BuildOfficeWords();

    private static Dictionary<string, OfficeWord> BuildOfficeWords()
    {
        var words = new Dictionary<string, OfficeWord>(StringComparer.OrdinalIgnoreCase);
        foreach (var portfolio in Portfolios)
        {
            words[portfolio] = OfficeWord.Portfolio;
        }
        foreach (var title in Titles)
        {
            words[title] = TitleModifiers.Contains(title) || TitlesThatAreSurnames.Contains(title) ? OfficeWord.OtherTitle : OfficeWord.HeadTitle;
        }
        return words;
    }

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
        "Eastern", "Soviet", "U.S.", "U.K.", "U.N.", "E.U.", "EU", "UN", "US", "UK", "NATO", "Nato", "Texan",
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
        "Campaign", "Magazine", "Review", "Herald", "Tribune", "Gazette", "Channel", "Facebook", "Twitter", "Act",
        "Democrats", "Republicans", "Americans", "Hall", "Airport", "Station", "School", "College", "Hospital",
        "Church", "Unit", "Division", "Brigade", "Coalition", "Alliance", "Movement", "Front", "Project", "Program",
        "PAC", "LLC", "Institute", "Initiative", "Society", "Trust", "Capital", "Partners", "Securities", "Steel",
        "Oil", "Petroleum", "Chemical", "Electric", "Energy", "Systems", "Technologies", "Communications",
        "Airways", "Brothers", "Bros.", "Inc.", "Corp.", "Co.", "Ltd.", "Plc", "AG", "SA", "NV", "Commission",
        "Caucus", "Conference", "Convention", "Summit", "Office", "Bureau", "Post", "Times", "Journal", "CNN", "MSNBC",
        "Fox", "NBC", "CBS", "ABC", "BBC", "NPR", "AP", "AFP", "Reuters", "Bloomberg", "Politico", "Breitbart",
        "Twitter", "Instagram", "YouTube", "God", "Christ", "Jesus", "Capitol", "Square",
        // Countries and capitals ("Texaco Canada said"); those that are also given names or surnames (Jordan, Chad,
        // Georgia, Israel, Washington) are left out.
        "Canada", "Japan", "China", "Germany", "France", "Britain", "Italy", "Spain", "Russia", "Mexico", "Brazil",
        "Argentina", "Australia", "Iran", "Iraq", "Syria", "Egypt", "Poland", "Ukraine", "Vietnam", "Pakistan",
        "Afghanistan", "Indonesia", "Malaysia", "Singapore", "Thailand", "Philippines", "Nigeria", "Venezuela",
        "Colombia", "Chile", "Peru", "Cuba", "Sweden", "Norway", "Denmark", "Finland", "Netherlands", "Belgium",
        "Switzerland", "Austria", "Greece", "Portugal", "Ireland", "Scotland", "Europe", "Asia", "America",
        "Taiwan", "Beijing", "Moscow", "Tokyo", "London", "Paris", "Berlin", "Brussels", "Ottawa", "Kyiv", "Kiev",
        // Words of company names that no person's name has ("First Boston", "Texas Air", "Continental Grain"); the
        // states that are also given names (Georgia, Virginia, Carolina) are left out.
        "First", "International", "New", "United", "Great", "Pacific", "Atlantic", "Continental", "Computer", "Data",
        "Business", "Middle", "Royal", "Credit", "Medical", "Allied", "Advanced", "Applied", "Financial", "Industrial",
        "Scientific", "Savings", "Bancorp", "Bancshares", "Resources", "Mines", "Technology", "Trust", "Global",
        "Digital", "Software", "Products", "Laboratories", "Labs", "Pharmaceuticals", "Petroleos", "Fellowship",
        "Ballet", "Motor", "Workers", "Nations", "Pictures", "Equipment", "Instruments", "Supermarkets",
        "Banca", "Banco", "Banque", "Barclays", "Lloyds", "Deutsche", "Westdeutsche", "Landesbank", "Intelligence",
        "Seaway", "Chamber", "Elevator",
        "Texas", "Illinois", "California", "Ohio", "Pennsylvania", "Michigan", "Florida", "Iowa", "Kansas", "Oklahoma",
        "Minnesota", "Wisconsin", "Missouri", "Colorado", "Arizona", "Oregon", "Massachusetts", "Connecticut",
        "Louisiana", "Kentucky", "Tennessee", "Alabama", "Nebraska", "Utah", "Nevada", "Hawaii", "Alaska", "Idaho",
        "Montana", "Wyoming", "Maine", "Vermont", "Delaware", "Maryland", "Mississippi", "Arkansas", "Indiana",
    };

    private static readonly HashSet<string> NonNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "A", "An", "This", "That", "These", "Those", "He", "She", "They", "It", "We", "I", "You", "His", "Her",
        "Their", "Its", "Our", "My", "Your", "Officials", "Official", "Analysts", "Experts", "Police", "Witnesses",
        "Sources", "Residents", "Critics", "Others", "Some", "Many", "Both", "All", "Asked", "But", "And", "Or", "So",
        "When", "While", "If", "As", "In", "On", "At", "After", "Before", "However", "Meanwhile", "Also", "Still",
        "Yet", "Then", "There", "Here", "Who", "What", "Why", "How", "Where", "No", "Not", "Instead", "Indeed",
        "Like", "Unlike", "Although", "Though", "Because", "Since", "Until", "During", "Despite", "Among", "Under",
        "Over", "From", "With", "Without", "For", "By", "Of", "To", "Now", "Today", "Yesterday", "Later", "Earlier",
        "Even", "Only", "Just", "Every", "Each", "Any", "Several", "Most", "Such", "Thank", "Please", "Dear", "Hey",
        "Yes", "Well", "Oh", "OK", "Okay", "Thanks", "Sorry", "One", "Two", "Three", "Other", "Another", "Many", "Few",
        "Some", "More", "Less", "Much", "Both", "Neither", "Either", "Nobody", "Everyone", "Everybody", "Someone",
        "Besides", "Should", "Would", "Could", "Whatever", "Unless", "Whether", "Addressing", "Commenting", "Speaking",
        "Responding",
    };

    // Name particles, lower case ("Ursula von der Leyen"). A switch rather than a set: every lower-case word of every
    // article is asked, and comparing it with these short strings needs no hash of the word.
    private static bool IsParticle(string word) => word is
        "de" or "da" or "di" or "du" or "dos" or "das" or "del" or "della" or "der" or "den" or "van" or "von" or "bin" or "ibn"
        or "al" or "el" or "la" or "le" or "ter" or "ten";

    /// <summary>Whether a token may be part of a name run (capitalised word, title abbreviation or name particle).</summary>
    public static bool CanBePartOfName(TextToken token) =>
        token.IsWord && (token.IsCapitalized || IsParticle(token.Text) || IsPrefixedName(token.Text));

    /// <summary>
    /// A name written with a lower-case Arabic article or particle joined by a hyphen: "al-Assad", "el-Sisi",
    /// "ad-Din". Such a word is as much a name as a capitalised one, and "Assad" alone refers to it.
    /// </summary>
    public static bool IsPrefixedName(string word) =>
        PrefixLength(word) is > 0 and var length && length < word.Length && char.IsUpper(word[length]);

    /// <summary>The length of the word's hyphenated article or particle, any case, with its hyphen: 3 for "al-Assad" and "Al-Assad", else 0.</summary>
    public static int PrefixLength(string word)
    {
        // Every lower-case word of every article is asked: look for the hyphen only where a prefix would end.
        var hyphen = word.Length > 3 && word[2] == '-' ? 2 : word.Length > 4 && word[3] == '-' ? 3 : 0;
        if (hyphen == 0)
        {
            return 0;
        }
        var prefix = word.AsSpan(0, hyphen);
        foreach (var known in HyphenatedPrefixes)
        {
            if (prefix.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return hyphen + 1;
            }
        }
        return 0;
    }

    private static readonly string[] HyphenatedPrefixes = ["al", "el", "ad", "ud", "ul", "as", "ash", "at", "az", "ar", "an", "bin", "ibn"];

    /// <summary>Whether the word is a title, a demonym or a possessive: it qualifies a name without being part of it.</summary>
    public static bool IsQualifier(string word) =>
        OfficeWords.ContainsKey(word) || Demonyms.Contains(word) || IsPossessive(word) || (char.IsUpper(word[0]) && Lexicon.PersonRoles.Contains(word));

    /// <summary>
    /// Splits a run of capitalised words into the qualifiers before the name ("China's Foreign Minister") and the
    /// name ("Qin Gang"). <c>null</c> when the run does not look like a person: an organisation, a place, an
    /// acronym, or too many words.
    /// </summary>
    public static PersonName? Parse(IReadOnlyList<string> run)
    {
        var start = 0;
        while (start < run.Count && (IsQualifier(run[start]) || NonNames.Contains(run[start])))
        {
            start++;
        }
        // "Oil Minister Hisham Nazer", "District Judge Harold Greene", "in California Mr Torvalds": the words before a
        // title name the office or belong to the sentence. Before a one-word name only a title that heads its phrase
        // counts: in "China-published Economic Observer" the title word is part of a newspaper's name.
        for (var k = run.Count - 2; k >= start; k--)
        {
            var office = OfficeWords.GetValueOrDefault(run[k]);
            if (k <= run.Count - 3 ? office != OfficeWord.None : office == OfficeWord.HeadTitle)
            {
                start = k + 1;
                break;
            }
        }
        var end = run.Count;
        while (end > start && IsParticle(run[end - 1]))
        {
            end--;
        }
        while (start < end && IsParticle(run[start]))
        {
            start++;
        }
        if (start >= end || end - start > 4 || IsCompanyDescription(run[start]))
        {
            return null;
        }

        var words = new string[end - start];
        for (var k = start; k < end; k++)
        {
            var word = run[k];
            if (NotPersonWords.Contains(word) || IsPossessive(word) || NonNames.Contains(word) || HasNotPersonPart(word)
                || (word.Contains('.', StringComparison.Ordinal) && word.Length > 2)
                || (word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c))))
            {
                return null;
            }
            words[k - start] = word;
        }
        var final = words[^1];
        if (Portfolios.Contains(final) || ((Titles.Contains(final) || (char.IsUpper(final[0]) && Lexicon.PersonRoles.Contains(final))) && !TitlesThatAreSurnames.Contains(final)))
        {
            // "an Iowa Democrat", "One Democratic": a description, not a name.
            return null;
        }
        var qualifiers = new string[start];
        var titled = false;
        for (var k = 0; k < start; k++)
        {
            qualifiers[k] = StripPossessive(run[k]);
            titled |= Titles.Contains(run[k]);
        }
        return new PersonName(words, qualifiers, titled);
    }

    /// <summary>Whether the word describes a company by where it is based or listed: "Houston-based" Conoco, "Sydney-listed" Bond Media.</summary>
    public static bool IsCompanyDescription(string word) =>
        word.EndsWith("-based", StringComparison.Ordinal) || word.EndsWith("-listed", StringComparison.Ordinal)
        || word.EndsWith("-owned", StringComparison.Ordinal) || word.EndsWith("-registered", StringComparison.Ordinal);

    /// <summary>
    /// Whether the word, after a run of names, makes that run a company's name ("Merrill Lynch Capital Markets",
    /// "Eli Lilly Inc"). Not the words that follow a person's name in other names ("the Robert Kilroy-Silk Party",
    /// "Clayton Yeutter Monday warned", "Kennedy Airport").
    /// </summary>
    public static bool IsCompanyWord(string word) => CompanyWords.Contains(word);

    // Compared exactly: asked of every run of capitalised words, and a company's name is written capitalised.
    private static readonly HashSet<string> CompanyWords = new(StringComparer.Ordinal)
    {
        "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Cos", "Company", "Ltd", "Ltd.", "Plc", "AG", "SA", "NV",
        "LLC", "LP", "Group", "Holdings", "Capital", "Markets", "Securities", "Bank", "Bancorp", "Industries", "Motor",
        "Motors", "Airlines", "Airways", "International", "Partners", "Brothers", "Bros.", "Savings", "Resources",
        "Futures", "Associates", "Investments", "Management", "Financial", "Enterprises", "Systems", "Technologies",
        "Laboratories", "Labs", "Pharmaceuticals", "Steel", "Oil", "Petroleum", "Chemical", "Chemicals", "Electric",
        "Energy", "Mining", "Mines", "Gold", "Stores", "Foods", "Products", "Communications", "Industrie", "Tool",
        "Engineering", "Manufacturing", "Properties", "Power", "Gas", "Metals", "Tobacco", "Drilling", "Mills",
        "Broadcasting", "Shipping", "Guaranty", "Hanover", "Trust",
    };

    // "Bank-Houston" in "Texas Commerce Bank-Houston said": a hyphenated word naming a bank, not a person.
    private static bool HasNotPersonPart(string word)
    {
        if (!word.Contains('-', StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var part in word.Split('-'))
        {
            if (NotPersonWords.Contains(part))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The word without a trailing possessive: "Clinton's" is "Clinton".</summary>
    public static string StripPossessive(string word)
    {
        if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal))
        {
            return word[..^2];
        }
        return word.EndsWith("s'", StringComparison.Ordinal) || word.EndsWith("s’", StringComparison.Ordinal) ? word[..^1] : word;
    }

    public static bool IsPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)
        || word.EndsWith("s'", StringComparison.Ordinal) || word.EndsWith("s’", StringComparison.Ordinal);
}

/// <summary>A person's name as found in a run of capitalised words.</summary>
/// <param name="Words">The name itself ("Qin", "Gang").</param>
/// <param name="Qualifiers">What stood before it: titles, demonyms, possessives ("China", "Foreign", "Minister").</param>
/// <param name="Titled">Whether a title or honorific stood before it, which makes even a one-word name a person's.</param>
internal sealed record PersonName(string[] Words, string[] Qualifiers, bool Titled)
{
    public string Text => string.Join(' ', Words);
}
