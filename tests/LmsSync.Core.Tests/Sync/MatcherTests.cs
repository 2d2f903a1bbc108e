using System;
using System.Collections.Generic;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Sync;

public class MatcherTests
{
    private static LmsUser User(string id, string? email, string? login = null, string? salesforceId = null) =>
        new LmsUser(id, login, email, true, salesforceId: salesforceId);

    private static Link LinkTo(int n, string lmsId) => new Link(Sf.Id(n), lmsId, LinkOrigin.Matched, DateTimeOffset.UnixEpoch);

    private static Matcher Matcher(IReadOnlyList<LmsUser> users, params Link[] links) => new Matcher(new LmsSnapshot(users), links);

    [Fact]
    public void The_link_beats_email()
    {
        var matcher = Matcher(new[] { User("L1", "old@acme.com"), User("L2", "ann@acme.com") }, LinkTo(1, "L1"));

        var match = matcher.Match(Sf.Id(1), "ann@acme.com", null);

        Assert.Equal("L1", match.User!.LmsId);
        Assert.Equal(MatchMethod.Link, match.Method);
        Assert.True(match.IsLinked);
    }

    [Fact]
    public void The_salesforce_id_kept_in_the_lms_beats_email_and_compares_15_with_18_characters()
    {
        var matcher = Matcher(new[] { User("L1", "other@acme.com", salesforceId: Sf.Id(1).Substring(0, 15)), User("L2", "ann@acme.com") });

        var match = matcher.Match(Sf.Id(1), "ann@acme.com", null);

        Assert.Equal("L1", match.User!.LmsId);
        Assert.Equal(MatchMethod.SalesforceIdField, match.Method);
        Assert.False(match.IsLinked);
    }

    [Fact]
    public void Email_matches_ignoring_case_and_whitespace()
    {
        var match = Matcher(new[] { User("L1", " Ann@ACME.com") }).Match(Sf.Id(1), "ann@acme.COM ", null);

        Assert.Equal("L1", match.User!.LmsId);
        Assert.Equal(MatchMethod.Email, match.Method);
    }

    [Fact]
    public void Login_matches_when_email_finds_nobody()
    {
        var match = Matcher(new[] { User("L1", "someone@else.com", login: "ANN") }).Match(Sf.Id(1), "ann@acme.com", "ann");

        Assert.Equal("L1", match.User!.LmsId);
        Assert.Equal(MatchMethod.Login, match.Method);
    }

    [Fact]
    public void Two_candidates_are_disputed_with_both_named()
    {
        var match = Matcher(new[] { User("L1", "ann@acme.com"), User("L2", "ANN@acme.com") }).Match(Sf.Id(1), "ann@acme.com", null);

        Assert.True(match.IsDisputed);
        Assert.Null(match.User);
        Assert.Equal(2, match.Candidates.Count);
        Assert.Contains("L1 (ann@acme.com)", match.Dispute);
        Assert.Contains("L2 (ANN@acme.com)", match.Dispute);
    }

    [Fact]
    public void A_candidate_linked_to_someone_else_is_disputed_not_taken()
    {
        var match = Matcher(new[] { User("L1", "ann@acme.com") }, LinkTo(2, "L1")).Match(Sf.Id(1), "ann@acme.com", null);

        Assert.True(match.IsDisputed);
        Assert.Contains(Sf.Id(2), match.Dispute);
    }

    [Fact]
    public void A_stale_link_falls_through_to_email_and_says_so()
    {
        var match = Matcher(new[] { User("L2", "ann@acme.com") }, LinkTo(1, "gone")).Match(Sf.Id(1), "ann@acme.com", null);

        Assert.Equal("L2", match.User!.LmsId);
        Assert.True(match.StaleLink);
    }

    [Fact]
    public void Nobody_matches_when_no_key_finds_anyone()
    {
        var match = Matcher(new[] { User("L1", "bob@acme.com", "bob") }).Match(Sf.Id(1), "ann@acme.com", "ann");

        Assert.False(match.IsMatched);
        Assert.False(match.IsDisputed);
        Assert.Equal(MatchMethod.None, match.Method);
    }
}
