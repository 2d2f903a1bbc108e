using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Sandbox.Hosting;
using LmsSync.Sandbox.ISpring;

namespace LmsSync.Core.Tests.Lms.ISpring;

/// <summary>
/// The emulator's list filters start from its id and login/email indexes; whatever the filter, the answer must be the
/// one a scan of every user gives: AND across kinds, OR within one, case-insensitive, in creation order, past the cursor.
/// </summary>
public sealed class ISpringListFilterTests
{
    [Fact]
    public void Every_filter_selects_exactly_the_users_a_scan_of_every_user_selects()
    {
        var store = new ISpringStore(new SandboxClock());
        var root = store.RootDepartmentId;
        for (var n = 1; n <= 30; n++)
        {
            var fields = new Dictionary<string, string?> { ["login"] = $"u{n}", ["email"] = n % 7 == 0 ? null : $"u{n}@acme.example" };
            if (n % 3 == 0) fields[ISpringStore.SalesforceIdFieldName] = $"005{n:D12}AAA";
            store.CreateUser(new ISpringNewUserInput { DepartmentId = root, Fields = fields }, sendLoginEmailDefault: false);
        }
        var all = store.ListUsers(new ISpringUserFilter(), 0, int.MaxValue - 1, out _).Select(v => v.User).ToList();
        var random = new Random(3);
        string Pick(Func<ISpringUserRecord, string> value) =>
            random.Next(6) == 0 ? "unknown-" + random.Next(100) : Flip(value(all[random.Next(all.Count)]), random);
        List<string> Some(Func<ISpringUserRecord, string> value) =>
            random.Next(2) == 0 ? new List<string>() : Enumerable.Range(0, random.Next(1, 5)).Select(_ => Pick(value)).ToList();

        var checkedFilters = 0;
        for (var i = 0; i < 400; i++)
        {
            var filter = new ISpringUserFilter
            {
                UserIds = Some(u => u.UserId),
                Emails = Some(u => u.Email),
                Logins = Some(u => u.Login),
                Departments = random.Next(4) == 0 ? new List<string> { Pick(u => u.DepartmentId) } : new List<string>(),
                ProfileFields = random.Next(4) == 0
                    ? new[] { new KeyValuePair<string, IReadOnlyList<string>>(ISpringStore.SalesforceIdFieldName, Some(u => u.Fields.TryGetValue(ISpringStore.SalesforceIdFieldName, out var v) ? v : "")) }
                    : Array.Empty<KeyValuePair<string, IReadOnlyList<string>>>(),
            };
            var after = random.Next(3) == 0 ? all[random.Next(all.Count)].Sequence : 0;
            var expected = all.Where(u => u.Sequence > after && Scan(u, filter)).Select(u => u.UserId).ToList();

            var found = store.ListUsers(filter, after, int.MaxValue - 1, out _).Select(v => v.User.UserId).ToList();
            Assert.Equal(expected, found);
            if (expected.Count > 0) checkedFilters++;
        }
        Assert.True(checkedFilters > 50, $"only {checkedFilters} filters selected anyone");
    }

    /// <summary>The filter as the reference states it, applied to one user.</summary>
    private static bool Scan(ISpringUserRecord u, ISpringUserFilter f)
    {
        static bool Any(IReadOnlyList<string> wanted, string value) => wanted.Count == 0 || wanted.Contains(value, StringComparer.OrdinalIgnoreCase);
        return Any(f.Departments, u.DepartmentId) && Any(f.Logins, u.Login) && Any(f.Emails, u.Email) && Any(f.UserIds, u.UserId)
            && f.ProfileFields.All(p => p.Value.Contains(u.Fields.TryGetValue(p.Key, out var v) ? v : "", StringComparer.OrdinalIgnoreCase));
    }

    private static string Flip(string value, Random random) => random.Next(2) == 0 ? value.ToUpperInvariant() : value;
}
