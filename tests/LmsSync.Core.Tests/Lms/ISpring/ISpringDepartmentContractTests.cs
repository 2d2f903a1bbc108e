using System;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Lms.ISpring;

namespace LmsSync.Core.Tests.Lms.ISpring;

/// <summary>The department tree: one department per user, created under a parent, deleted only when empty.</summary>
public sealed class ISpringDepartmentContractTests : IClassFixture<ISpringSandboxFixture>
{
    private readonly ISpringSandboxFixture _sandbox;

    public ISpringDepartmentContractTests(ISpringSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public async Task Departments_list_page_by_page_from_the_root()
    {
        using var client = _sandbox.Client(configure: o => o.PageSize = 2);

        var reader = client.ReadDepartments();
        var departments = await reader.ReadAllAsync();
        var root = await client.GetRootDepartmentAsync();

        Assert.Equal(new[] { "Company", "Sales", "Support", "Engineering", "Sales EMEA" }, departments.Select(d => d.Name));
        Assert.Equal(3, reader.PagesRead);
        Assert.Equal("Company", root.Name);
        Assert.True(root.IsRoot);
        Assert.Equal(departments.Single(d => d.Name == "Sales").DepartmentId, departments.Single(d => d.Name == "Sales EMEA").ParentDepartmentId);
    }

    [Fact]
    public async Task Create_under_the_root_and_under_a_parent_then_find_by_code()
    {
        using var client = _sandbox.Client();
        var root = await client.GetRootDepartmentAsync();

        var partners = await client.CreateDepartmentAsync("Partners", root.DepartmentId, "PARTNERS");
        var apac = await client.CreateDepartmentAsync("Partners APAC", partners);

        Assert.Equal(root.DepartmentId, (await client.GetDepartmentAsync(partners)).ParentDepartmentId);
        Assert.Equal(partners, (await client.GetDepartmentAsync(apac)).ParentDepartmentId);
        Assert.Equal(partners, Assert.Single(await client.FindDepartmentsByCodeAsync("PARTNERS")).DepartmentId);
    }

    [Fact]
    public async Task A_sibling_with_the_same_name_is_a_409_and_a_missing_parent_a_400()
    {
        using var client = _sandbox.Client();
        var root = _sandbox.Store.RootDepartmentId;

        var duplicate = await Assert.ThrowsAsync<ISpringApiException>(() => client.CreateDepartmentAsync("Sales", root));
        var orphan = await Assert.ThrowsAsync<ISpringApiException>(() => client.CreateDepartmentAsync("Orphans", Guid.NewGuid().ToString()));

        Assert.True(duplicate.IsConflict);
        Assert.True(orphan.IsValidation);
    }

    [Fact]
    public async Task Users_move_between_departments_keeping_exactly_one()
    {
        using var client = _sandbox.Client(configure: o => o.BulkBatchSize = 1);
        var ann = _sandbox.UserId("ann.lee");
        var bob = _sandbox.UserId("bob.stone");
        var engineering = _sandbox.DepartmentId("Engineering");

        await client.MoveUsersToDepartmentAsync(engineering, new[] { ann, bob });

        Assert.Equal(engineering, (await client.GetUserAsync(ann)).DepartmentId);
        Assert.Equal(engineering, (await client.GetUserAsync(bob)).DepartmentId);
        Assert.Equal(2, _sandbox.Calls().Count(c => c.EndsWith("/user/move", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Moving_into_an_unknown_department_is_a_404()
    {
        using var client = _sandbox.Client();

        var error = await Assert.ThrowsAsync<ISpringApiException>(() => client.MoveUsersToDepartmentAsync(Guid.NewGuid().ToString(), new[] { _sandbox.UserId("ann.lee") }));

        Assert.True(error.IsNotFound);
    }

    [Fact]
    public async Task An_empty_department_is_deleted_and_a_non_empty_one_is_refused()
    {
        using var client = _sandbox.Client();
        var support = _sandbox.DepartmentId("Support");

        var refused = await Assert.ThrowsAsync<ISpringApiException>(() => client.DeleteDepartmentAsync(support));
        await client.MoveUsersToDepartmentAsync(_sandbox.Store.RootDepartmentId, new[] { _sandbox.UserId("bob.stone") });
        await client.DeleteDepartmentAsync(support);

        Assert.True(refused.IsConflict);
        Assert.Contains("not empty", refused.LmsMessage);
        Assert.Null(_sandbox.Store.DepartmentByName("Support"));
        var gone = await Assert.ThrowsAsync<ISpringApiException>(() => client.GetDepartmentAsync(support));
        Assert.True(gone.IsNotFound);
    }

    [Fact]
    public async Task The_root_is_never_deleted()
    {
        using var client = _sandbox.Client();

        var error = await Assert.ThrowsAsync<ISpringApiException>(() => client.DeleteDepartmentAsync(_sandbox.Store.RootDepartmentId));

        Assert.True(error.IsValidation);
    }
}
