using System.Collections.Generic;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>
/// Word lists the seed draws from. Names come as (display, ASCII) pairs: the display form goes in
/// FirstName/LastName, the ASCII form into email addresses, as real orgs do for Zoë or 山田.
/// </summary>
internal static class SeedVocabulary
{
    public static readonly (string Display, string Ascii)[] FirstNames =
    [
        ("Ann", "ann"), ("Bob", "bob"), ("Carla", "carla"), ("David", "david"), ("Emma", "emma"), ("Frank", "frank"),
        ("Grace", "grace"), ("Henry", "henry"), ("Isla", "isla"), ("Jack", "jack"), ("Karen", "karen"), ("Liam", "liam"),
        ("Maria", "maria"), ("Noah", "noah"), ("Olivia", "olivia"), ("Peter", "peter"), ("Quinn", "quinn"), ("Rachel", "rachel"),
        ("Sam", "sam"), ("Tina", "tina"), ("Umar", "umar"), ("Vera", "vera"), ("Walter", "walter"), ("Xena", "xena"),
        ("Yusuf", "yusuf"), ("Zara", "zara"), ("Aiden", "aiden"), ("Beatrice", "beatrice"), ("Chen", "chen"), ("Diego", "diego"),
        ("Elena", "elena"), ("Fatima", "fatima"), ("George", "george"), ("Hannah", "hannah"), ("Ivan", "ivan"), ("Julia", "julia"),
        ("Kenji", "kenji"), ("Laura", "laura"), ("Mohammed", "mohammed"), ("Nina", "nina"), ("Oscar", "oscar"), ("Priya", "priya"),
        ("Raj", "raj"), ("Sofia", "sofia"), ("Thomas", "thomas"), ("Uma", "uma"), ("Victor", "victor"), ("Wei", "wei"),
        ("Zoë", "zoe"), ("José", "jose"), ("Łukasz", "lukasz"), ("François", "francois"), ("Søren", "soren"), ("Ingrid", "ingrid"),
        ("太郎", "taro"), ("Chloé", "chloe"), ("Mikael", "mikael"), ("Anika", "anika"), ("Brian", "brian"), ("Deborah", "deborah"),
    ];

    public static readonly (string Display, string Ascii)[] LastNames =
    [
        ("Smith", "smith"), ("Johnson", "johnson"), ("Williams", "williams"), ("Brown", "brown"), ("Jones", "jones"),
        ("Garcia", "garcia"), ("Miller", "miller"), ("Davis", "davis"), ("Rodriguez", "rodriguez"), ("Martinez", "martinez"),
        ("Hernandez", "hernandez"), ("Lopez", "lopez"), ("Wilson", "wilson"), ("Anderson", "anderson"), ("Thomas", "thomas"),
        ("Taylor", "taylor"), ("Moore", "moore"), ("Jackson", "jackson"), ("Martin", "martin"), ("Lee", "lee"),
        ("Thompson", "thompson"), ("White", "white"), ("Harris", "harris"), ("Clark", "clark"), ("Lewis", "lewis"),
        ("Walker", "walker"), ("Hall", "hall"), ("Young", "young"), ("King", "king"), ("Wright", "wright"),
        ("Nguyen", "nguyen"), ("Patel", "patel"), ("Kim", "kim"), ("Chen", "chen"), ("Singh", "singh"),
        ("Kowalski", "kowalski"), ("Nowak", "nowak"), ("Schmidt", "schmidt"), ("Fischer", "fischer"), ("Rossi", "rossi"),
        ("Müller", "muller"), ("Núñez", "nunez"), ("Ødegaard", "odegaard"), ("O'Brien", "obrien"), ("Dubois", "dubois"),
        ("山田", "yamada"), ("Tanaka", "tanaka"), ("Silva", "silva"), ("Santos", "santos"), ("Johansson", "johansson"),
    ];

    public static readonly string[] Departments = ["Sales", "Marketing", "Engineering", "Support", "Finance", "HR", "Operations", "Legal"];

    // Relative weights of the departments above: sales and engineering dominate, as in most companies.
    public static readonly int[] DepartmentWeights = [28, 10, 24, 16, 6, 5, 8, 3];

    public static readonly Dictionary<string, string[]> Titles = new()
    {
        ["Sales"] = ["Account Executive", "Sales Development Rep", "Sales Manager", "Sales Engineer", "Regional Sales Director"],
        ["Marketing"] = ["Marketing Specialist", "Content Strategist", "Marketing Manager", "Product Marketing Manager"],
        ["Engineering"] = ["Software Engineer", "Senior Software Engineer", "Engineering Manager", "QA Engineer", "Site Reliability Engineer"],
        ["Support"] = ["Support Agent", "Senior Support Agent", "Support Manager", "Customer Success Manager"],
        ["Finance"] = ["Accountant", "Financial Analyst", "Controller"],
        ["HR"] = ["HR Generalist", "Recruiter", "People Partner"],
        ["Operations"] = ["Operations Analyst", "Office Manager", "Operations Manager"],
        ["Legal"] = ["Counsel", "Paralegal", "General Counsel"],
    };

    /// <summary>(Division, City, State, Country, TimeZoneSidKey, LocaleSidKey, LanguageLocaleKey).</summary>
    public static readonly (string Division, string City, string? State, string Country, string TimeZone, string Locale, string Language)[] Locations =
    [
        ("Americas", "San Francisco", "CA", "United States", "America/Los_Angeles", "en_US", "en_US"),
        ("Americas", "New York", "NY", "United States", "America/New_York", "en_US", "en_US"),
        ("Americas", "Chicago", "IL", "United States", "America/Chicago", "en_US", "en_US"),
        ("Americas", "Denver", "CO", "United States", "America/Denver", "en_US", "en_US"),
        ("EMEA", "London", null, "United Kingdom", "Europe/London", "en_GB", "en_US"),
        ("EMEA", "Berlin", null, "Germany", "Europe/Berlin", "de_DE", "de"),
        ("EMEA", "Warsaw", null, "Poland", "Europe/Warsaw", "pl_PL", "pl"),
        ("EMEA", "Madrid", null, "Spain", "Europe/Berlin", "es_ES", "es"),
        ("APAC", "Tokyo", null, "Japan", "Asia/Tokyo", "ja_JP", "ja"),
        ("APAC", "Sydney", "NSW", "Australia", "Australia/Sydney", "en_US", "en_US"),
    ];

    public static readonly string[] Profiles = ["System Administrator", "Standard User", "Sales User", "Support User", "Chatter Free User"];

    /// <summary>(Name, DeveloperName, parent index or -1, department it serves or null).</summary>
    public static readonly (string Name, string DeveloperName, int Parent, string? Department)[] Roles =
    [
        ("CEO", "CEO", -1, null),
        ("VP Sales", "VPSales", 0, null),
        ("Sales Manager", "SalesManager", 1, null),
        ("Sales Rep", "SalesRep", 2, "Sales"),
        ("VP Engineering", "VPEngineering", 0, null),
        ("Engineer", "Engineer", 4, "Engineering"),
        ("Support Manager", "SupportManager", 0, null),
        ("Support Agent", "SupportAgent", 6, "Support"),
        ("Marketing", "Marketing", 0, "Marketing"),
        ("Back Office", "BackOffice", 0, null),
    ];

    /// <summary>Public groups (Type = 'Regular'), with the department whose members always join, if any.</summary>
    public static readonly (string Name, string? Department)[] PublicGroups =
    [
        ("All Sales", "Sales"), ("Onboarding 2026", null), ("Engineering", "Engineering"), ("Support Team", "Support"),
        ("Managers", null), ("New Hires", null), ("Compliance Training", null), ("Sales Academy", null),
        ("EMEA", null), ("Americas", null), ("APAC", null), ("Leadership", null), ("Finance & Legal", null), ("Zoë's Book Club", null),
    ];

    public static readonly string[] LmsGroupValues = ["Onboarding", "Compliance", "Sales Academy", "Leadership", "Security Awareness"];

    /// <summary>(Name, NumberOfEmployees, AnnualRevenue) of the accounts contacts belong to.</summary>
    public static readonly (string Name, int Employees, decimal Revenue)[] Accounts =
    [
        ("Acme Corp", 12000, 2_500_000_000m), ("SkyPrep Partners", 120, 15_000_000m), ("Globex", 4300, 610_000_000m),
        ("Initech", 850, 98_500_000.50m), ("Umbrella Health", 27000, 7_100_000_000m),
    ];
}
