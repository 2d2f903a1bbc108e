using System;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Sandbox.SkyPrep;

/// <summary>
/// The emulated account: users, user groups and the emails "sent". One lock guards it all; callers take
/// <see cref="Gate"/> for a read-modify-write, the snapshot methods take it themselves.
/// </summary>
public sealed class SkyPrepState
{
    public const string AdminEmail = "admin@sandbox.skyprepapp.com";

    private readonly List<SkyPrepUserRecord> _users = new();
    private readonly List<SkyPrepGroupRecord> _groups = new();
    private readonly List<SkyPrepSentEmail> _emails = new();
    private int _nextUserId;
    private int _nextGroupId;

    public object Gate { get; } = new();

    internal List<SkyPrepUserRecord> UsersUnlocked => _users;
    internal List<SkyPrepGroupRecord> GroupsUnlocked => _groups;

    public IReadOnlyList<SkyPrepUserRecord> Users()
    {
        lock (Gate) return _users.Select(u => u.Copy()).ToList();
    }

    public IReadOnlyList<SkyPrepGroupRecord> Groups()
    {
        lock (Gate) return _groups.ToList();
    }

    public IReadOnlyList<SkyPrepSentEmail> SentEmails()
    {
        lock (Gate) return _emails.ToList();
    }

    public SkyPrepUserRecord? FindByEmail(string email)
    {
        lock (Gate) return _users.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase))?.Copy();
    }

    public void ClearEmails()
    {
        lock (Gate) _emails.Clear();
    }

    /// <summary>No users, no groups, no emails (for the zero-rows paging case).</summary>
    public void Clear()
    {
        lock (Gate)
        {
            _users.Clear();
            _groups.Clear();
            _emails.Clear();
            _nextUserId = 0;
            _nextGroupId = 0;
        }
    }

    /// <summary>The seeded account: an admin, a few hand-made learners (one deactivated), two groups.</summary>
    public void Seed(DateTimeOffset now)
    {
        lock (Gate)
        {
            Clear();
            var sales = AddGroupUnlocked("Sales");
            var support = AddGroupUnlocked("Support");
            AddUserUnlocked(now, AdminEmail, "Sandbox", "Admin", "admin", u => u.Company = "SkyPrep Sandbox");
            AddUserUnlocked(now, "ann.archer@acme.example.com", "Ann", "Archer", "learner", u =>
            {
                u.Company = "Acme"; u.Title = "Account Executive"; u.SalesforceId = "005000000000001AAA";
                u.CustomLabels["Region"] = "EMEA"; u.GroupIds.Add(sales.Id);
            });
            AddUserUnlocked(now, "bo.baker@acme.example.com", "Bo", "Baker", "learner", u =>
            {
                u.Company = "Acme"; u.Title = "Support Engineer"; u.GroupIds.Add(support.Id);
            });
            AddUserUnlocked(now, "cy.chen@acme.example.com", "Cy", "Chen", "manager", u =>
            {
                u.Company = "Acme"; u.Title = "Sales Manager"; u.SalesforceId = "005000000000003AAA"; u.GroupIds.Add(sales.Id); u.GroupIds.Add(support.Id);
            });
            AddUserUnlocked(now, "di.doyle@acme.example.com", "Di", "Doyle", "learner", u => { u.Company = "Acme"; u.Active = false; });
        }
    }

    /// <summary>Adds <paramref name="count"/> plain learners (paging tests), without welcome emails.</summary>
    public void AddLearners(int count, DateTimeOffset now)
    {
        lock (Gate)
        {
            var start = _nextUserId;
            for (var i = 1; i <= count; i++)
                AddUserUnlocked(now, $"learner{start + i:D5}@bulk.example.com", "Learner", (start + i).ToString("D5", System.Globalization.CultureInfo.InvariantCulture), "learner", _ => { });
        }
    }

    public SkyPrepGroupRecord AddGroup(string name)
    {
        lock (Gate) return AddGroupUnlocked(name);
    }

    internal SkyPrepUserRecord AddUserUnlocked(DateTimeOffset now, string email, string first, string last, string role, Action<SkyPrepUserRecord> more)
    {
        var user = new SkyPrepUserRecord { Id = ++_nextUserId, Email = email, FirstName = first, LastName = last, Role = role, CreatedAt = now };
        more(user);
        _users.Add(user);
        return user;
    }

    internal SkyPrepGroupRecord AddGroupUnlocked(string name)
    {
        var group = new SkyPrepGroupRecord(++_nextGroupId, name);
        _groups.Add(group);
        return group;
    }

    internal void RecordEmailUnlocked(SkyPrepUserRecord user, string kind, DateTimeOffset now) =>
        _emails.Add(new SkyPrepSentEmail(user.Id, user.Email, kind, now));

    internal void RemoveUserUnlocked(SkyPrepUserRecord user) => _users.Remove(user);
}
