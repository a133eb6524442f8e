namespace NewsSearch.Extraction;

/// <summary>
/// The word lists attribution relies on, kept as data in one place so they are easy to read and extend: speech
/// cues, the small words around them, roles that describe a person, and given names that tell a pronoun's gender.
/// </summary>
internal static class Lexicon
{
    /// <summary>
    /// Verbs that report speech or writing. They attribute a quotation and, with a named subject, make a reported
    /// statement. Base forms count only where they are rarely nouns ("will say", "did not add"), so "the report"
    /// and "a call" are not cues.
    /// </summary>
    public static readonly HashSet<string> SpeechCues = new(WordComparer.Instance)
    {
        "say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "states", "stated", "ask", "asks",
        "asked", "warn", "warns", "warned", "insist", "insists", "insisted", "notes", "noted", "argue", "argues",
        "argued", "explain", "explains", "explained", "declare", "declares", "declared", "write", "writes", "wrote",
        "written", "tweets", "tweeted", "reply", "replies", "replied", "respond", "responds", "responded",
        "recall", "recalls", "recalled", "acknowledge", "acknowledges", "acknowledged", "admit", "admits", "admitted",
        "claims", "claimed", "contend", "contends", "contended", "suggest", "suggests", "suggested", "predict",
        "predicts", "predicted", "promises", "promised", "pledges", "pledged", "vow", "vows", "vowed", "urge",
        "urges", "urged", "jokes", "joked", "quip", "quips", "quipped", "boast", "boasts", "boasted", "complain",
        "complains", "complained", "counters", "countered", "concede", "concedes", "conceded", "observe", "observes",
        "observed", "remarks", "remarked", "announce", "announces", "announced", "reports", "reported", "cautions",
        "cautioned", "emphasize", "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised", "stresses",
        "stressed", "assert", "asserts", "asserted", "conclude", "concludes", "concluded", "laments", "lamented",
        "shouts", "shouted", "yells", "yelled", "screamed", "whispered", "mused", "wondered", "charges", "charged",
        "allege", "alleges", "alleged", "confirm", "confirms", "confirmed", "deny", "denies", "denied", "reiterate",
        "reiterates", "reiterated", "testified", "exclaimed", "pleaded", "posted", "continues", "continued",
        "answered", "retorted", "demands", "demanded", "assures", "assured", "thundered", "barked", "snapped",
        "fumed", "gushed", "raged", "apologized", "apologised", "chimed", "scoffed", "laughed", "marveled",
        "marvelled", "sighed", "growled", "boomed", "cried", "opined", "proclaimed", "proclaims", "elaborated",
        "elaborates", "interjected", "blogged", "blogs", "emailed", "texted", "wrote:", "added:", "recounted",
        "recounts", "groused", "grumbled", "muttered", "mumbled", "murmured", "griped", "sneered", "ranted",
        "bellowed", "hissed", "teased", "vouched", "swore", "confessed", "revealed", "disclosed", "clarified",
        "summarized", "concurred", "disagreed", "objected", "retweeted", "repeated", "echoed", "underscored",
        "highlighted", "indicated", "implied", "hinted", "estimated", "believes", "believed", "thinks", "thought",
        "worried", "feared", "hoped", "speculated", "surmised", "reasoned", "acknowledges", "insists", "beamed",
        "pressed", "riffed", "commented", "remembered", "remembers", "griped", "vented",
        "joked", "deadpanned", "intoned", "mocked", "cracked", "interrupted", "pleads", "begged", "implored",
    };

    /// <summary>
    /// Verbs that attribute a quotation near them (within a few words) without making a statement of their own:
    /// "called it", "the statement read", "blamed it on".
    /// </summary>
    public static readonly HashSet<string> QuotationCues = new(WordComparer.Instance)
    {
        "calls", "called", "describe", "describes", "described", "dubs", "dubbed", "labels", "labeled", "labelled",
        "brands", "branded", "termed", "accuse", "accuses", "accused", "blasts", "blasted", "slams", "slammed",
        "mocks", "mocked", "praises", "praised", "criticize", "criticizes", "criticized", "criticise", "criticised",
        "knocked", "questioned", "challenged", "chants", "chanted", "read", "reads", "thanked", "cites", "cited",
        "quotes", "quoted", "decry", "decried", "hailed", "hails", "dismissed", "dismisses", "touts", "touted", "sang",
        "sings", "attacked", "attacks", "derided", "ridiculed", "lambasted", "denounced", "denounces", "condemned",
        "condemns", "defended", "defends", "summed", "insulted", "taunted", "scolded", "rebuked", "referred",
        "refers", "nicknamed", "deemed", "issued", "released", "blamed", "blames", "pronounced", "pondered",
        "sniped", "protested", "rails", "railed", "credited", "credits", "applauded", "heralded", "bemoaned",
        "bemoans", "characterized", "characterizes", "portrayed", "portrays", "welcomed", "rejected", "rejects",
        "endorsed", "chided", "addressed", "rated", "named", "pointed", "finds", "found", "sees",
        "signed", "invited", "published", "shared",
    };

    /// <summary>Cues in the -ing form: their subject is the clause's subject ("Trump lashed out, saying ...").</summary>
    public static readonly HashSet<string> ParticipleCues = new(WordComparer.Instance)
    {
        "saying", "adding", "telling", "noting", "writing", "arguing", "insisting", "warning", "explaining",
        "declaring", "asking", "stating", "claiming", "calling", "describing", "tweeting", "urging", "recalling",
        "suggesting", "predicting", "promising", "vowing", "joking", "quipping", "boasting", "complaining",
        "countering", "conceding", "observing", "remarking", "announcing", "cautioning", "stressing", "asserting",
        "concluding", "lamenting", "shouting", "charging", "accusing", "blasting", "mocking", "praising",
        "criticizing", "replying", "responding", "chanting", "quoting", "citing", "dubbing", "labeling", "branding",
        "continuing", "answering", "demanding", "reiterating", "acknowledging", "admitting", "emphasizing",
        "chiding", "portraying", "referring", "blaming", "alleging", "hinting", "pledging", "reasoning",
        "characterizing", "deriding", "attacking", "dismissing", "denouncing", "condemning", "touting",
    };

    // One lookup per word instead of one per list: extraction runs on every article indexed.
    private static readonly Dictionary<string, CueKind> CueKinds = BuildCueKinds();

    /// <summary>What kind of cue a word is, if any.</summary>
    public static CueKind CueKindOf(string word) =>
        word.Length >= ShortestCue && word.Length <= LongestCue && MayBeCue(word) ? LookUpCueKind(word) : CueKind.None;

    /// <summary>The same answer as <see cref="CueKindOf"/>, always from the table: the reference its shortcuts must agree with.</summary>
    internal static CueKind LookUpCueKind(string word) => CueKinds.GetValueOrDefault(word);

    private static readonly int ShortestCue = CueKinds.Keys.Min(cue => cue.Length);

    private static readonly int LongestCue = CueKinds.Keys.Max(cue => cue.Length);

    // Every word of every article is asked whether it is a cue; its first and last letters rule out most of them
    // before any hashing. One bit per pair of folded ASCII characters (first, last) that some cue has.
    private static readonly ulong[] CueEnds = BuildCueEnds();

    private static bool MayBeCue(string word)
    {
        var first = WordComparer.Fold(word[0]);
        var last = WordComparer.Fold(word[^1]);
        return first >= 128 || last >= 128 || (CueEnds[first * 2 + (last >> 6)] & (1UL << (last & 63))) != 0;
    }

    private static ulong[] BuildCueEnds()
    {
        var ends = new ulong[128 * 2];
        foreach (var cue in CueKinds.Keys)
        {
            var first = WordComparer.Fold(cue[0]);
            var last = WordComparer.Fold(cue[^1]);
            if (first < 128 && last < 128)
            {
                ends[first * 2 + (last >> 6)] |= 1UL << (last & 63);
            }
        }
        return ends;
    }

    private static Dictionary<string, CueKind> BuildCueKinds()
    {
        var kinds = new Dictionary<string, CueKind>(WordComparer.Instance);
        void Add(IEnumerable<string> words, CueKind kind)
        {
            foreach (var word in words)
            {
                kinds[word] = kinds.GetValueOrDefault(word) | kind;
            }
        }
        Add(SpeechCues, CueKind.Speech);
        Add(QuotationCues, CueKind.Quotation);
        Add(ParticipleCues, CueKind.Participle);
        Add(kinds.Keys.Where(IsInvertible).ToList(), CueKind.Invertible);
        return kinds;
    }

    /// <summary>
    /// Whether a cue may come before its subject right after a quotation ("...," said Qin Gang). Any speech cue may,
    /// except those whose next noun is the listener ("told Reuters").
    /// </summary>
    private static bool IsInvertible(string cue) =>
        (SpeechCues.Contains(cue) || cue.Equals("read", StringComparison.OrdinalIgnoreCase) || cue.Equals("reads", StringComparison.OrdinalIgnoreCase)) && !cue.StartsWith("tel", StringComparison.OrdinalIgnoreCase) && !cue.Equals("told", StringComparison.OrdinalIgnoreCase)
        && !cue.Equals("urged", StringComparison.OrdinalIgnoreCase) && !cue.Equals("assured", StringComparison.OrdinalIgnoreCase);

    /// <summary>Nouns for groups and offices that may follow a name in a source ("the Trump campaign", "Clinton aides").</summary>
    public static readonly HashSet<string> GroupNouns = new(WordComparer.Instance)
    {
        "campaign", "campaigns", "administration", "camp", "team", "office", "staff", "staffer", "staffers", "aide", "aides",
        "allies", "supporters", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisers", "advisor", "advisors",
        "officials", "official", "committee", "government", "ministry", "department", "agency", "family", "statement",
        "website", "site", "ad", "ads", "video", "report", "poll", "survey", "memo", "letter", "lawyer", "lawyers",
        "attorney", "attorneys", "surrogate", "surrogates", "operatives", "strategist", "strategists", "loyalists",
        "voters", "fans", "backers", "critics", "foundation", "organization", "group", "people", "source", "sources",
        "manager", "chairman", "director", "secretary", "press", "account", "feed", "page", "post", "tweet",
    };

    /// <summary>Words that may stand between a subject and its cue: "Qin also said", "Zelenskiy has repeatedly warned".</summary>
    public static readonly HashSet<string> Auxiliaries = new(WordComparer.Instance)
    {
        "also", "later", "then", "again", "earlier", "previously", "has", "had", "have", "would", "will", "once",
        "further", "often", "separately", "himself", "herself", "themselves", "itself", "recently", "repeatedly",
        "frequently", "simply", "flatly", "bluntly", "publicly", "privately", "initially", "first", "last",
        "subsequently", "famously", "reportedly", "allegedly", "apparently", "previously", "immediately", "quickly",
        "since", "may", "might", "could", "should", "must", "can",
        "shortly", "now", "just", "already", "still", "even", "only", "today", "yesterday", "tonight", 
        "always", 
        "has", 
    };

    /// <summary>Words that make a following cue mean the opposite of a statement ("did not say", "declined to comment").</summary>
    public static readonly HashSet<string> Negators = new(WordComparer.Instance)
    {
        "not", "never", "n't", "didn't", "doesn't", "don't", "won't", "wouldn't", "couldn't", "cannot", "declined",
        "refused", "hasn't", "haven't", "hadn't", "wasn't", "weren't", "isn't", "aren't", "nobody", "no", "without",
    };

    /// <summary>Subject pronouns. "who" stands for the noun before it.</summary>
    public static readonly HashSet<string> Pronouns = new(WordComparer.Instance)
    {
        "he", "she", "they", "i", "we", "it", "you", "who",
    };

    public static readonly HashSet<string> Determiners = new(WordComparer.Instance)
    {
        "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your", "one",
        "some", "many", "several", "another", "other", "each", "both", "all", "most", "few", "two", "three",
        "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "every", "any",
        "such", "that",
    };

    /// <summary>Articles and possessives: a cue word right after one is a noun ("her remarks", "the report").</summary>
    public static readonly HashSet<string> NounMarkers = new(WordComparer.Instance)
    {
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
    };

    /// <summary>Words that end a noun phrase when walking away from a cue: clause words, prepositions, verbs of being.</summary>
    public static readonly HashSet<string> PhraseBoundaries = new(WordComparer.Instance)
    {
        "that", "which", "whom", "whose", "and", "or", "but", "nor", "because", "when", "while", "if", "as", "than",
        "so", "to", "of", "for", "in", "on", "at", "by", "with", "from", "about", "after", "before", "since",
        "until", "during", "into", "over", "under", "against", "between", "among", "through", "without", "within",
        "not", "never", "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would",
        "can", "could", "should", "may", "might", "must", "do", "does", "did", "there", "here", "then", "now",
        "what", "where", "why", "how", "whether", "also", "even", "just", "only", "said", "says", "say", "told",
        "than", "like", "unlike", "although", "though", "once", "where", "whom", "upon", "per", "via", "despite",
        "amid", "toward", "towards", "behind", "beyond", "around", "across", "off", "out", "up", "down", "why",
        "according", "it's", "he's", "she's", "they're", "isn't", "wasn't", "this", "these", "those", "very",
    };

    /// <summary>Capitalised words that open a sentence without being part of the noun that follows.</summary>
    public static readonly HashSet<string> SentenceOpeners = new(WordComparer.Instance)
    {
        "but", "and", "or", "so", "yet", "still", "meanwhile", "however", "also", "then", "now", "later", "earlier",
        "instead", "indeed", "moreover", "furthermore", "nevertheless", "nonetheless", "besides", "again", "here",
        "there", "today", "yesterday", "thus", "hence", "finally", "first", "second", "separately", "similarly",
        "afterward", "afterwards", "previously", "asked", "when", "while", "if", "as", "because", "although",
        "though", "after", "before", "since", "in", "on", "at", "for", "with", "from", "by", "of", "to", "what",
        "even", "only", "just", "not", "no", "yes", "well", "oh", "ultimately", "overall", "specifically",
    };

    /// <summary>Words that name a time rather than a speaker: "said Tuesday", "on Monday said".</summary>
    public static readonly HashSet<string> TimeWords = new(WordComparer.Instance)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "tonight", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year", "recently",
        "earlier", "later", "last", "this", "next", "then", "previously", "once", "again", "ago", "late", "early",
    };

    /// <summary>Nouns that describe a person by role; "the minister" may stand for a named speaker who holds that role.</summary>
    public static readonly HashSet<string> PersonRoles = new(WordComparer.Instance)
    {
        "minister", "president", "premier", "chancellor", "secretary", "senator", "governor", "mayor", "candidate",
        "nominee", "leader", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair",
        "chief", "executive", "director", "ambassador", "envoy", "king", "queen", "prince", "princess", "pope",
        "judge", "justice", "commissioner", "general", "admiral", "colonel", "captain", "commander", "officer",
        "congressman", "congresswoman", "representative", "lawmaker", "legislator", "politician", "diplomat",
        "businessman", "businesswoman", "billionaire", "mogul", "tycoon", "founder", "economist", "analyst",
        "official", "adviser", "advisor", "aide", "strategist", "pollster", "manager", "coach", "player", "star",
        "actor", "actress", "singer", "author", "writer", "host", "anchor", "reporter", "journalist", "activist",
        "lawyer", "attorney", "prosecutor", "doctor", "physician", "scientist", "professor", "researcher",
        "expert", "veteran", "spokesmen", "frontrunner", "front-runner", "contender", "incumbent", "challenger",
        "republican", "democrat", "independent", "conservative", "liberal", "populist", "fm", "pm", "ceo", "cfo",
        "man", "woman", "official", "head", "boss", "sheriff", "chairperson", "speaker", "whip", "counsel",
        "prime", "treasurer", "comptroller", "superintendent", "inspector", "detective", "agent", "pastor",
        "priest", "bishop", "cardinal", "rabbi", "imam", "monarch", "dictator", "strongman", "president-elect",
        "vice", "secretary-general", "mother", "father", "wife", "husband", "daughter", "son", "brother",
        "sister", "widow", "friend", "owner", "investor", "entrepreneur", "magnate", "heir", "heiress",
    };

    /// <summary>Abbreviated roles expanded to the title words a person is introduced with ("FM": Foreign Minister).</summary>
    public static readonly Dictionary<string, string[]> RoleAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fm"] = ["foreign", "minister"],
        ["pm"] = ["prime", "minister"],
        ["ceo"] = ["chief", "executive"],
        ["cfo"] = ["chief", "financial", "officer"],
        ["gop"] = ["republican"],
    };

    /// <summary>Roles, titles and honorifics that tell a person's gender, for matching "he" and "she".</summary>
    public static readonly HashSet<string> FemaleMarkers = new(WordComparer.Instance)
    {
        "mrs.", "ms.", "miss", "mrs", "ms", "madam", "madame", "lady", "dame", "queen", "princess", "duchess",
        "countess", "congresswoman", "chairwoman", "spokeswoman", "businesswoman", "actress", "heiress", "sister",
        "mother", "wife", "daughter", "widow", "grandmother", "aunt", "niece", "girl", "woman", "baroness",
    };

    public static readonly HashSet<string> MaleMarkers = new(WordComparer.Instance)
    {
        "mr.", "mr", "sir", "lord", "king", "prince", "duke", "count", "congressman", "chairman", "spokesman",
        "businessman", "brother", "father", "husband", "son", "widower", "grandfather", "uncle", "nephew", "boy",
        "man", "baron", "sheikh", "emir", "pope", "cardinal", "rabbi", "imam", "bishop", "archbishop", "priest",
    };

    /// <summary>
    /// Common given names whose bearers are overwhelmingly of one gender, across the countries news covers most.
    /// Names used for both ("Jordan", "Jean", "Andrea") are left out on purpose: an unknown gender matches either pronoun.
    /// </summary>
    public static readonly HashSet<string> FemaleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
        "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "dorothy",
        "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen",
        "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha", "katherine",
        "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria", "heather", "diane",
        "virginia", "julie", "joyce", "victoria", "olivia", "kelly", "christina", "lauren", "joan", "evelyn",
        "judith", "megan", "cheryl", "martha", "hannah", "frances", "gloria", "ann", "anne", "teresa", "kathryn",
        "sara", "janice", "jacqueline", "julia", "grace", "judy", "theresa", "madison", "beverly", "denise",
        "marilyn", "amber", "danielle", "rose", "brittany", "diana", "abigail", "natalie", "jane", "lori",
        "alexis", "tiffany", "kayla", "hillary", "chelsea", "melania", "ivanka", "michele", "nikki", "sarah",
        "condoleezza", "madeleine", "nancy", "elaine", "kellyanne", "huma", "donna", "debbie", "tulsi", "kamala",
        "elizabeth", "claire", "amy", "kirsten", "dianne", "barbara", "susan", "lisa", "maggie", "gina", "carly",
        "jill", "theresa", "angela", "christine", "ursula", "jacinda", "sanna", "giorgia", "liz",
        "nicola", "yulia", "hanna", "olena", "ana", "sofia", "sophie", "isabel", "isabelle", "marie", "claudia",
        "fatima", "aisha", "leila", "mariam", "miriam", "irina", "natalia", "svetlana", "tatiana", "olga",
        "yoko", "keiko", "mei", "ling", "priya", "indira", "sonia", "benazir", "wendy", "tammy",
        "loretta", "janet", "samantha", "valerie", "penny", "megyn", "katie", "greta", "rosie", "oprah",
        "beyonce", "meryl", "sheryl", "marsha", "patty", "heidi", "jeanne", "kristen", "kristin",
        "erin", "molly", "holly", "jenna", "brooke", "alicia", "monica", "veronica", "paula", "gabrielle",
        "jessie", "carla", "rita", "sally", "peggy", "lois", "connie", "becky", "cindy", "sue", "kate",
    };

    public static readonly HashSet<string> MaleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
        "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
        "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob",
        "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin",
        "samuel", "gregory", "alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry", "tyler",
        "aaron", "jose", "adam", "nathan", "henry", "douglas", "zachary", "peter", "kyle", "ethan", "walter",
        "noah", "jeremy", "christian", "keith", "roger", "terry", "gerald", "harold", "sean", "austin", "carl",
        "arthur", "lawrence", "dylan", "jesse", "bryan", "billy", "joe", "bruce", "gabriel", "logan",
        "albert", "willie", "alan", "juan", "wayne", "elijah", "randy", "roy", "vincent", "ralph", "eugene",
        "russell", "bobby", "mason", "philip", "louis", "barack", "bill", "bernie", "ted", "marco", "jeb", "mike",
        "tim", "mitt", "newt", "rudy", "chris", "ben", "rand", "reince", "corey", "paul", "mitch",
        "harry", "chuck", "tom", "jim", "bob", "dick", "al", "rick", "ron", "steve", "jeff", "greg", "dan", "ken",
        "joe", "hunter", "beau", "vladimir", "volodymyr", "dmitry", "sergei", "sergey", 
        "emmanuel", "francois", "nicolas", "jacques", "olaf", "gerhard", "helmut", "boris", "rishi", "tony",
        "gordon", "keir", "justin", "narendra", "rahul", "shinzo", "fumio", "recep", "benjamin", "bibi", "yair",
        "mahmoud", "bashar", "hassan", "ali", "mohammed", "muhammad", "mohammad", "ahmed", "abdullah", "omar",
        "osama", "jair", "luiz", "andres", "nicolas", "hugo", "fidel", "raul", "pedro", "carlos",
        "luis", "jorge", "miguel", "antonio", "francisco", "javier", "manuel", "giuseppe", "silvio", "matteo",
        "mario", "alexei", "mikhail", "nikita", "viktor", "petro", "andrzej", "jaroslaw", "recep", "rex",
        "sean", "newt", "rudolph", "ed", "fred", "sam", "max", "herman", "jon", "howard", "lou", "wolf",
        "anderson", "tucker", "rush", "glenn", "sid", "stan", "hank", "cliff", "jimmy", "lyndon", "dwight",
        "franklin", "woodrow", "abraham", "ulysses", "ronald", "gerald", "herbert", "calvin", "warren", "elon",
        "jeff", "warren", "rupert", "travis", "trevor", "seth", "stephen", "conan", "jimmy", "colin", "martin",
        "malcolm", "jesse", "cory", "kanye", "michael", "leon", "harvey", "jared", "eric", "brad",
    };

    /// <summary>Compares words ignoring case and the kind of apostrophe: news text writes "didn't" and "didn’t".</summary>
    private sealed class WordComparer : IEqualityComparer<string>
    {
        public static readonly WordComparer Instance = new();

        public bool Equals(string? x, string? y)
        {
            if (x is null || y is null || x.Length != y.Length)
            {
                return ReferenceEquals(x, y);
            }
            for (var i = 0; i < x.Length; i++)
            {
                if (Fold(x[i]) != Fold(y[i]))
                {
                    return false;
                }
            }
            return true;
        }

        public int GetHashCode(string obj)
        {
            // FNV-1a: every word of every article is looked up as a cue, and these are short keys.
            var hash = 2166136261u;
            foreach (var c in obj)
            {
                hash = (hash ^ Fold(c)) * 16777619u;
            }
            return (int)hash;
        }

        /// <summary>The character as the comparer sees it: lower case, with the typographic apostrophe as the straight one.</summary>
        public static char Fold(char c) => char.IsAscii(c) ? (char)(char.IsAsciiLetterUpper(c) ? c | 0x20 : c)
            : c == '’' ? '\'' : char.ToLowerInvariant(c);
    }
}

/// <summary>The kinds of cue a word can be (a word may be several).</summary>
[Flags]
internal enum CueKind : byte
{
    None = 0,

    /// <summary>Reports speech: attributes quotations and makes reported statements ("said").</summary>
    Speech = 1,

    /// <summary>Attributes a quotation near it ("called", "read").</summary>
    Quotation = 2,

    /// <summary>An -ing cue whose subject is the clause's ("saying").</summary>
    Participle = 4,

    /// <summary>May stand before its subject after a quotation ("said Qin Gang").</summary>
    Invertible = 8,
}
