using LmsSync.Core.Lms;
using LmsSync.Core.Mapping;
using LmsSync.Core.Rules;
using LmsSync.Core.Sync;
using Newtonsoft.Json;

namespace LmsSync.Core.Tests.Mapping;

/// <summary>Mappings, rules and options live in a profile file: they must survive JSON unchanged.</summary>
public class JsonRoundTripTests
{
    private sealed class Profile
    {
        public SyncMapping Mapping { get; set; } = new SyncMapping();
        public System.Collections.Generic.List<ImportRule> Rules { get; set; } = new();
        public ImportScope Scope { get; set; } = new ImportScope();
        public SyncOptions Options { get; set; } = new SyncOptions();
    }

    [Fact]
    public void A_profile_round_trips_and_reads_as_plain_json()
    {
        var mapping = LmsFieldCatalog.DefaultMapping(LmsKind.ISpring);
        mapping.Fields.Add(new FieldMapping("birthdate", "Birthdate__c") { DateFormat = "yyyy-MM-dd", Default = "1900-01-01", ApplyOn = ApplyOn.Always, ClearWhenBlank = true });
        mapping.Groups = new GroupMapping("Skills__c") { IncludePublicGroups = true, Combine = GroupCombine.FirstNonBlank, Separator = "," };
        var profile = new Profile
        {
            Mapping = mapping,
            Rules =
            {
                new ImportRule { Name = "internal", Action = RuleAction.Skip, Join = ConditionJoin.Any, CaseSensitive = true,
                    Conditions = { new RuleCondition("CompanyName", RuleOperator.Contains, "SkyPrep"), new RuleCondition("Title", RuleOperator.In) { Values = { "A", "B" } } } },
            },
            Scope = new ImportScope { IncludedDepartments = { "Sales" }, IncludedGroups = { "EMEA" } },
            Options = new SyncOptions { MaxDeprovision = DeprovisionLimit.Count(25), TimeZone = "Pacific/Auckland", TerminationDateField = "TerminationDate__c", DeactivateMissingUsers = true },
        };

        var json = JsonConvert.SerializeObject(profile, Formatting.Indented);
        var back = JsonConvert.DeserializeObject<Profile>(json)!;

        Assert.Equal(json, JsonConvert.SerializeObject(back, Formatting.Indented));
        Assert.Contains("\"Operator\": \"Contains\"", json);
        Assert.Contains("\"MaxDeprovision\": \"25\"", json);
        Assert.Contains("\"ApplyOn\": \"Always\"", json);
        Assert.Equal(2, back.Rules[0].Conditions[1].Values.Count);
        Assert.Equal(mapping.Fields.Count, back.Mapping.Fields.Count);
        Assert.Equal(new[] { "Trim", "Lower" }, System.Linq.Enumerable.Select(back.Mapping.Find("email")!.Transforms, t => t.ToString()));
    }

    [Theory]
    [InlineData("\"10%\"", "10%", true)]
    [InlineData("\"25\"", "25", false)]
    [InlineData("7", "7", false)]
    public void Deprovision_limits_read_as_counts_or_percentages(string json, string text, bool percent)
    {
        var options = JsonConvert.DeserializeObject<SyncOptions>("{\"MaxDeprovision\":" + json + "}")!;

        Assert.Equal(text, options.MaxDeprovision.ToString());
        Assert.Equal(percent, options.MaxDeprovision.IsPercent);
    }

    [Fact]
    public void A_bad_deprovision_limit_fails_with_what_to_write()
    {
        var error = Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<SyncOptions>("{\"MaxDeprovision\":\"lots\"}"));
        Assert.Contains("10%", error.Message);
    }
}
