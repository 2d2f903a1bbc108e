using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Engine;

/// <summary>The Salesforce read evaluates each user as its page arrives, and that evaluation is the one the planner uses.</summary>
public sealed class PlanWhileReadingTests
{
    [Theory]
    [InlineData(LmsKind.ISpring)]
    [InlineData(LmsKind.Scim)]
    public async Task The_evaluation_made_while_reading_covers_every_user_and_fits_the_input_planned_after_the_LMS_read(LmsKind kind)
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 30);
        var session = sandbox.Engine(kind).Session;
        var configuration = session.Configuration;
        await session.Lms.CheckAsync(default);
        var evaluation = new SourceEvaluation(configuration.Mapping, session.Lms.Catalog, session.Lms.Capabilities, configuration.Rules, configuration.Scope);

        var source = await SourceReader.ReadAsync(session.Salesforce, configuration, session.Log, null, default, null, evaluation);
        var lms = await session.Lms.ReadAsync(null, default);

        Assert.True(source.Users.Count >= 20, $"{source.Users.Count} users read");
        Assert.Equal(source.Users.Count, evaluation.Count);
        for (var i = 0; i < source.Users.Count; i++) Assert.Same(source.Users[i], evaluation[i].User);
        // Planned as PlanContext plans: the catalogue and capabilities read after the LMS read are the ones evaluated with.
        var input = new PlanInput(source.Users, source.Complete, lms, new SyncState(),
            configuration.Mapping, session.Lms.Catalog, session.Lms.Capabilities, session.Clock, configuration.Options, configuration.Rules, configuration.Scope);
        Assert.True(evaluation.Fits(input));
    }

    [Fact]
    public async Task Each_record_is_found_by_its_18_or_15_character_id_with_or_without_an_evaluation_and_the_read_keeps_one_index()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 30);
        var session = sandbox.Engine(LmsKind.ISpring).Session;
        var configuration = session.Configuration;
        await session.Lms.CheckAsync(default);
        var evaluation = new SourceEvaluation(configuration.Mapping, session.Lms.Catalog, session.Lms.Capabilities, configuration.Rules, configuration.Scope);

        var evaluated = await SourceReader.ReadAsync(session.Salesforce, configuration, session.Log, null, default, null, evaluation);
        var plain = await SourceReader.ReadAsync(session.Salesforce, configuration, session.Log, null, default);

        Assert.Equal(evaluated.Users.Count, plain.Users.Count);
        Assert.Equal(evaluated.Users.Count, evaluation.FirstIndex.Count);
        foreach (var (read, user) in new[] { (evaluated, evaluated.Users[0]), (evaluated, evaluated.Users[^1]), (plain, plain.Users[1]), (plain, plain.Users[^1]) })
        {
            Assert.Equal(18, user.SalesforceId.Length);
            Assert.Same(user.Record, read.RecordOf(user.SalesforceId));
            Assert.Same(user.Record, read.RecordOf(user.SalesforceId.Substring(0, 15)));
        }
        Assert.Null(evaluated.RecordOf("005ZZZZZZZZZZZZ"));
        Assert.Null(plain.RecordOf("005ZZZZZZZZZZZZAAA"));
    }
}
