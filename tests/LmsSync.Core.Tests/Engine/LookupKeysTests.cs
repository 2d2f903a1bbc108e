using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms;
using LmsSync.Core.Sync;
using LmsSync.Core.Tests.Sync;

namespace LmsSync.Core.Tests.Engine;

/// <summary>The keys an incremental run looks LMS users up by (<see cref="LookupKeys"/>), taken from the evaluation made while reading.</summary>
public sealed class LookupKeysTests
{
    private static SourceEvaluation Evaluated(params SourceUser[] users)
    {
        var evaluation = new SourceEvaluation(LmsFieldCatalog.DefaultMapping(LmsKind.ISpring), LmsFieldCatalog.ISpring, LmsCapabilities.For(LmsKind.ISpring), null, null);
        foreach (var user in users) evaluation.Add(user);
        return evaluation;
    }

    private static SyncState State(int links, params Link[] more) => new SyncState(
        Enumerable.Range(100, links).Select(n => new Link(Sf.Id(n), "lms-" + n, LinkOrigin.Created, DateTimeOffset.UnixEpoch)).Concat(more).ToList());

    [Fact]
    public void The_keys_are_the_linked_ids_and_the_mapped_email_and_login_of_the_users_read_only()
    {
        var evaluation = Evaluated(Sf.Person(1), Sf.Person(2), Sf.Person(3));
        // User 1's link keeps the 15-character form of its Id; user 3 has no link; 60 others are linked and were not read.
        var state = State(60, new Link(Sf.Id(1).Substring(0, 15), "lms-a", LinkOrigin.Created, DateTimeOffset.UnixEpoch),
            new Link(Sf.Id(2), "lms-b", LinkOrigin.Matched, DateTimeOffset.UnixEpoch));

        var keys = LookupKeys.For(evaluation, state);

        Assert.False(keys.ReadsEveryone);
        Assert.Equal(new[] { "lms-a", "lms-b" }, keys.LmsIds.OrderBy(i => i, StringComparer.Ordinal));
        Assert.Equal(new[] { "user1@acme.com", "user2@acme.com", "user3@acme.com" }, keys.Emails.OrderBy(e => e, StringComparer.Ordinal));
        var logins = Enumerable.Range(0, 3).Select(i => evaluation[i].Desired.Login).ToList();
        Assert.All(logins, login => Assert.False(string.IsNullOrEmpty(login)));
        Assert.Equal(logins.OrderBy(l => l, StringComparer.Ordinal), keys.Logins.OrderBy(l => l, StringComparer.Ordinal));
        Assert.Contains(Sf.Id(3), keys.SalesforceIds);
    }

    [Fact]
    public void Past_one_changed_user_in_twenty_managed_ones_everyone_is_read()
    {
        var users = Enumerable.Range(1, 4).Select(n => Sf.Person(n)).ToArray();

        Assert.True(LookupKeys.For(Evaluated(users), State(79)).ReadsEveryone);
        Assert.False(LookupKeys.For(Evaluated(users), State(80)).ReadsEveryone);
    }
}
