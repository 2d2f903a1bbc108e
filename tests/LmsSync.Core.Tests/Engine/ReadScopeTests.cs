using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Engine;
using LmsSync.Core.Profiles;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Engine;

/// <summary>When a run is full and when incremental; the options that steer it.</summary>
public sealed class ReadScopeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static (StoredState State, SyncConfiguration Configuration) AfterCleanFullRun(TimeSpan ago)
    {
        var configuration = new SyncConfiguration();
        var state = new StoredState
        {
            SystemModstampWatermark = Now.AddHours(-1),
            LastFullRun = Now - ago,
            ConfigurationHash = ReadScope.HashOf(configuration),
            GroupMemberships = new Dictionary<string, string>(),
        };
        return (state, configuration);
    }

    [Fact]
    public void After_a_recent_clean_full_run_a_run_is_incremental_from_the_watermark_less_the_overlap()
    {
        var (state, configuration) = AfterCleanFullRun(TimeSpan.FromHours(2));
        var scope = ReadScope.Decide(new RunRequest(), state, configuration, readsGroups: true, Now);
        Assert.Equal(ReadMode.Incremental, scope.Mode);
        Assert.Equal(Now.AddHours(-1) - TimeSpan.FromMinutes(5), scope.Since);
        Assert.NotNull(scope.PreviousGroups);
    }

    [Fact]
    public void A_run_is_full_on_request_without_a_watermark_when_due_after_a_change_and_for_piped_users()
    {
        var (state, configuration) = AfterCleanFullRun(TimeSpan.FromHours(2));
        Assert.Equal(ReadMode.Full, ReadScope.Decide(new RunRequest { Full = true }, state, configuration, false, Now).Mode);
        Assert.Equal(ReadMode.Full, ReadScope.Decide(new RunRequest { OnlySalesforceIds = new[] { "005x" } }, state, configuration, false, Now).Mode);
        Assert.Equal(ReadMode.Full, ReadScope.Decide(new RunRequest(), state, configuration, false, Now.AddDays(1)).Mode);

        configuration.Options.FullReconcileEvery = TimeSpan.FromDays(7);
        Assert.Equal(ReadMode.Full, ReadScope.Decide(new RunRequest(), state, configuration, false, Now).Mode); // the options changed
        state.ConfigurationHash = ReadScope.HashOf(configuration);
        Assert.Equal(ReadMode.Incremental, ReadScope.Decide(new RunRequest(), state, configuration, false, Now.AddDays(3)).Mode);

        state.GroupMemberships = null;
        Assert.Equal(ReadMode.Full, ReadScope.Decide(new RunRequest(), state, configuration, readsGroups: true, Now).Mode);
        Assert.Equal(ReadMode.Incremental, ReadScope.Decide(new RunRequest(), state, configuration, readsGroups: false, Now).Mode);

        state.SystemModstampWatermark = null;
        Assert.Contains("watermark", ReadScope.Decide(new RunRequest(), state, configuration, false, Now).Reason);
    }

    [Fact]
    public void Group_changes_are_joins_leaves_and_moves()
    {
        var before = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["c"] = "3" };
        var after = new Dictionary<string, string> { ["a"] = "1", ["b"] = "9", ["d"] = "4" };
        Assert.Equal(new[] { "b", "c", "d" }, ReadScope.ChangedGroupUsers(before, after).OrderBy(x => x));
    }

    [Fact]
    public void The_cadence_and_overlap_are_options_and_cannot_be_negative()
    {
        var configuration = new SyncConfiguration();
        Assert.Equal(TimeSpan.FromDays(1), configuration.Options.FullReconcileEvery);
        Assert.Equal(TimeSpan.FromMinutes(5), configuration.Options.IncrementalOverlap);
        new OptionSettings { FullReconcileEvery = TimeSpan.FromDays(7), IncrementalOverlap = TimeSpan.FromMinutes(10) }.ApplyTo(configuration);
        Assert.Equal(TimeSpan.FromDays(7), OptionSettings.From(configuration).FullReconcileEvery);
        Assert.Equal(TimeSpan.FromMinutes(10), OptionSettings.From(configuration).IncrementalOverlap);
        Assert.Throws<ArgumentException>(() => new OptionSettings { FullReconcileEvery = TimeSpan.FromDays(-1) }.ApplyTo(configuration));
        Assert.Throws<ArgumentException>(() => new OptionSettings { IncrementalOverlap = TimeSpan.FromMinutes(-1) }.ApplyTo(configuration));
    }

    [Fact]
    public void The_configuration_hash_is_still_that_of_the_text_the_default_serializer_writes_so_an_upgrade_keeps_runs_incremental()
    {
        foreach (var kind in new[] { LmsKind.ISpring, LmsKind.SkyPrep, LmsKind.Scim })
        {
            var configuration = new SyncConfiguration { Mapping = LmsSync.Core.Lms.LmsFieldCatalog.DefaultMapping(kind) };
            configuration.Rules.Add(new LmsSync.Core.Rules.ImportRule { Name = "internal", Conditions = { new("CompanyName", LmsSync.Core.Rules.RuleOperator.Contains, "SkyPrep") } });
            configuration.Scope = new LmsSync.Core.Rules.ImportScope { IncludedGroups = { "Sales" } };
            new OptionSettings { DeactivateMissingUsers = true, TerminationDateField = "Last_Day__c", IncrementalOverlap = TimeSpan.FromMinutes(7) }.ApplyTo(configuration);

            using var sha = System.Security.Cryptography.SHA256.Create();
            var digest = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(Newtonsoft.Json.JsonConvert.SerializeObject(configuration)));
            Assert.Equal(string.Concat(digest.Take(16).Select(b => b.ToString("x2"))), ReadScope.HashOf(configuration));
        }
    }
}
