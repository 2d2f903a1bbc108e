using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Lms;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Lms.Connectors;

/// <summary>
/// The users of one iSpring read share what repeats (field names, department ids, group lists) and read exactly as a
/// dictionary of their own would.
/// </summary>
public class ISpringUserConversionTests
{
    private static ISpringUser User(string id, string departmentId, IReadOnlyList<string> groups, params (string Name, string Value)[] fields) =>
        new ISpringUser(id, departmentId, 1, "learner", fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.OrdinalIgnoreCase),
            groups, null, null);

    // Equal text, distinct instances, as a parser makes them.
    private static string Fresh(string text) => new string(text.ToCharArray());

    [Fact]
    public void Users_sent_with_the_same_field_names_share_them_and_hold_their_own_values()
    {
        var conversion = new ISpringUserConversion(LmsFieldCatalog.ISpring, null, "administrator");

        var ann = conversion.ToLmsUser(User("u-1", "d-1", new string[0], ("LOGIN", "ann"), ("email", "ann@acme.example"), ("job_title", "Trainer")));
        var bob = conversion.ToLmsUser(User("u-2", "d-1", new string[0], ("LOGIN", "bob"), ("email", "bob@acme.example"), ("job_title", "Clerk")));

        var annFields = Assert.IsType<LmsFieldValues>(ann.Fields);
        Assert.IsType<LmsFieldValues>(bob.Fields);
        Assert.Equal(new[] { "login=ann", "email=ann@acme.example", "job_title=Trainer" }, annFields.Select(p => p.Key + "=" + p.Value));
        Assert.Equal(new[] { "login=bob", "email=bob@acme.example", "job_title=Clerk" }, bob.Fields.Select(p => p.Key + "=" + p.Value));
        Assert.Same(ann.Fields.Keys, bob.Fields.Keys);
        Assert.Equal("Clerk", bob.GetField("JOB_TITLE"));
        Assert.Null(bob.GetField("phone"));
        Assert.Equal(("ann", "ann@acme.example"), (ann.Login, ann.Email));
    }

    [Fact]
    public void A_user_missing_a_field_has_no_such_key_and_two_names_of_one_field_keep_the_last_value()
    {
        var conversion = new ISpringUserConversion(LmsFieldCatalog.ISpring, null, "administrator");
        conversion.ToLmsUser(User("u-1", "d-1", new string[0], ("login", "ann"), ("job_title", "Trainer")));

        var bob = conversion.ToLmsUser(User("u-2", "d-1", new string[0], ("login", "bob")));
        var fields = new List<KeyValuePair<string, string>> { new("Job_Title", "first"), new("JOB_TITLE ", "second") };
        var carol = new LmsFieldShapes(name => LmsFieldCatalog.ISpring.TryResolve(name, out var known) ? known.Name : name, 10)
            .Values(new OrderedFields(fields));

        Assert.False(bob.Fields.ContainsKey("job_title"));
        Assert.Equal(new[] { "login" }, bob.Fields.Keys);
        Assert.Equal(new[] { "job_title=second" }, carol.Select(p => p.Key + "=" + p.Value));
    }

    [Fact]
    public void Past_the_bound_on_shapes_a_user_gets_a_dictionary_of_its_own_that_reads_the_same()
    {
        var shapes = new LmsFieldShapes(name => name, 1);

        var first = shapes.Values(new Dictionary<string, string> { ["a"] = "1" });
        var other = shapes.Values(new Dictionary<string, string> { ["b"] = "2", ["c"] = "3" });
        var again = shapes.Values(new Dictionary<string, string> { ["a"] = "4" });

        Assert.IsType<LmsFieldValues>(first);
        Assert.IsType<LmsFieldValues>(again);
        Assert.IsType<LmsUserFields>(other);
        Assert.Equal("3", other["C"]);
        Assert.Equal("4", again["A"]);
    }

    [Fact]
    public void Equal_department_ids_and_group_lists_are_one_instance_and_the_rest_reads_as_sent()
    {
        var conversion = new ISpringUserConversion(LmsFieldCatalog.ISpring, "USER_DEFINED_FIELD3", "administrator");

        var ann = conversion.ToLmsUser(User(Fresh("u-1"), Fresh("d-1"), new List<string> { Fresh("g-1"), Fresh("g-2") }, ("USER_DEFINED_FIELD3", "005000000000001AAA")));
        var bob = conversion.ToLmsUser(User(Fresh("u-2"), Fresh("d-1"), new List<string> { Fresh("g-1"), Fresh("g-2") }));
        var carol = conversion.ToLmsUser(User(Fresh("u-3"), Fresh("d-2"), new List<string> { Fresh("g-2"), Fresh("g-1") }));
        var admin = conversion.ToLmsUser(new ISpringUser("u-4", "d-1", 3, "Administrator", new Dictionary<string, string>(), new List<string>(), null, null));

        Assert.Same(ann.DepartmentId, bob.DepartmentId);
        Assert.Same(ann.GroupIds, bob.GroupIds);
        Assert.Equal("d-2", carol.DepartmentId);
        Assert.NotSame(ann.GroupIds, carol.GroupIds);
        Assert.Equal(new[] { "g-2", "g-1" }, carol.GroupIds);
        Assert.Empty(admin.GroupIds);
        Assert.Equal(("005000000000001AAA", (string?)null), (ann.SalesforceId, bob.SalesforceId));
        Assert.Equal((true, false, true), (admin.IsAdmin, ann.IsAdmin, ann.Active));
        Assert.False(admin.Active);
    }

    [Fact]
    public void Equal_values_of_a_field_across_users_and_within_a_user_are_one_instance()
    {
        var conversion = new ISpringUserConversion(LmsFieldCatalog.ISpring, null, "administrator");

        var ann = conversion.ToLmsUser(User("u-1", "d-1", new string[0], ("login", Fresh("ann@acme.example")), ("email", Fresh("ann@acme.example")), ("country", Fresh("Norway"))));
        var bob = conversion.ToLmsUser(User("u-2", "d-1", new string[0], ("login", Fresh("bob")), ("email", Fresh("bob@acme.example")), ("country", Fresh("Norway"))));

        Assert.Same(ann.GetField("country"), bob.GetField("country"));
        Assert.Same(ann.GetField("login"), ann.GetField("email"));
        Assert.Same(ann.GetField("login"), ann.Login);
        Assert.Same(ann.GetField("login"), ann.Email);
        Assert.Equal(("bob", "bob@acme.example", "Norway"), (bob.Login, bob.Email, bob.GetField("country")));
    }

    /// <summary>Fields in a given order, with names a dictionary would take as one (a server may send both spellings).</summary>
    private sealed class OrderedFields(List<KeyValuePair<string, string>> pairs) : IReadOnlyDictionary<string, string>
    {
        public string this[string key] => pairs.Last(p => p.Key == key).Value;
        public IEnumerable<string> Keys => pairs.Select(p => p.Key);
        public IEnumerable<string> Values => pairs.Select(p => p.Value);
        public int Count => pairs.Count;
        public bool ContainsKey(string key) => pairs.Any(p => p.Key == key);
        public bool TryGetValue(string key, out string value)
        {
            value = ContainsKey(key) ? this[key] : null!;
            return ContainsKey(key);
        }
        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => pairs.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
