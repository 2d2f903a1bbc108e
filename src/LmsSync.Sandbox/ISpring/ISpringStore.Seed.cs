using System;

namespace LmsSync.Sandbox.ISpring;

/// <summary>The seeded account: a root "Company", a few departments, an administrator, a few learners, a couple of groups.</summary>
public sealed partial class ISpringStore
{
    /// <summary>Back to the seeded state (or to only the root department); sent emails are forgotten.</summary>
    public void Reset(bool seed)
    {
        using (Writing())
        {
            _users.Clear();
            _usersById.Clear();
            _byUniqueField.Clear();
            _departments.Clear();
            _groups.Clear();
            MembershipChanged();
            _emails.Clear();
            _sequence = 0;
            var root = AddDepartment(SeedId(1), "Company", null, "ROOT");
            if (!seed) return;

            var sales = AddDepartment(SeedId(2), "Sales", root, "SALES");
            var support = AddDepartment(SeedId(3), "Support", root, "SUPPORT");
            var engineering = AddDepartment(SeedId(4), "Engineering", root, "ENG");
            var emea = AddDepartment(SeedId(5), "Sales EMEA", sales, "SALES-EMEA");

            var admin = AddUser(SeedId(101), root, "admin", "admin@acme.example", "Ada", "Admin", role: "administrator");
            var ann = AddUser(SeedId(102), sales, "ann.lee", "ann.lee@acme.example", "Ann", "Lee");
            ann.Fields[SalesforceIdFieldName] = "005000000000001AAA";
            var bob = AddUser(SeedId(103), support, "bob.stone", "bob.stone@acme.example", "Bob", "Stone");
            var carla = AddUser(SeedId(104), engineering, "carla.diaz", "carla.diaz@acme.example", "Carla", "Diaz");
            carla.Status = 3;
            var dan = AddUser(SeedId(105), emea, "dan.fox", "dan.fox@acme.example", "Dan", "Fox");

            AddGroup(SeedId(201), "Onboarding", false, ann, bob);
            AddGroup(SeedId(202), "Managers", false, admin, dan);
            AddGroup(SeedId(203), "All Sales", true, ann, dan);
        }
    }

    /// <summary>Adds <paramref name="count"/> generated learners (login <c>learnerN</c>) for paging tests; returns their ids in order.</summary>
    public System.Collections.Generic.IReadOnlyList<string> AddLearners(int count, string? departmentId = null)
    {
        if (count is < 0 or > 200_000) throw BadRequest("count must be 0..200000.");
        using (Writing())
        {
            var department = departmentId ?? _departments[0].DepartmentId;
            if (FindDepartment(department) is null) throw NotFound("Department " + department);
            var ids = new System.Collections.Generic.List<string>(count);
            var start = _sequence;
            for (var i = 1; i <= count; i++)
            {
                var n = start + i;
                ids.Add(AddUser(NewId(), department, "learner" + n, $"learner{n}@acme.example", "Learner", n.ToString(System.Globalization.CultureInfo.InvariantCulture)).UserId);
            }
            return ids;
        }
    }

    private static string SeedId(int n) => new Guid($"00000000-0000-4000-8000-{n:x12}").ToString();

    private string AddDepartment(string id, string name, string? parent, string? code)
    {
        _departments.Add(new ISpringDepartmentRecord { DepartmentId = id, Name = name, ParentDepartmentId = parent, Code = code });
        return id;
    }

    private ISpringUserRecord AddUser(string id, string department, string login, string email, string first, string last, string role = "learner")
    {
        var user = new ISpringUserRecord { UserId = id, Sequence = ++_sequence, DepartmentId = department, Role = role, AddedDate = _clock.UtcNow };
        user.Fields["login"] = login;
        user.Fields["email"] = email;
        user.Fields["first_name"] = first;
        user.Fields["last_name"] = last;
        _users.Add(user);
        _usersById[id] = user;
        IndexUnique(user);
        return user;
    }

    private void AddGroup(string id, string name, bool smart, params ISpringUserRecord[] members)
    {
        var group = new ISpringGroupRecord { GroupId = id, Name = name, IsSmart = smart };
        foreach (var m in members) group.UserIds.Add(m.UserId);
        _groups.Add(group);
        MembershipChanged();
    }
}
