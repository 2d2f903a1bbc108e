using System;
using System.Linq;
using LmsSync.Core.Lms.ISpring;

namespace LmsSync.Core.Tests.Lms.ISpring;

/// <summary>How the departments are split into the token chains of a whole-user read.</summary>
public sealed class ISpringUserPartitionsTests
{
    private static readonly string[] Ids = Enumerable.Range(1, 10).Select(i => new Guid(i, 0, 0, new byte[8]).ToString()).ToArray();

    [Fact]
    public void Up_to_the_chain_limit_each_department_is_its_own_chain_in_order()
    {
        var chains = ISpringUserPartitions.Split(Ids.Take(5).ToList(), maxChains: 8, urlBudget: 4000);

        Assert.Equal(Ids.Take(5).Select(id => new[] { id }.ToList()).ToList(), chains);
    }

    [Fact]
    public void Beyond_the_limit_departments_are_dealt_round_robin_so_each_is_read_once()
    {
        var chains = ISpringUserPartitions.Split(Ids, maxChains: 4, urlBudget: 4000);

        Assert.Equal(new[] { 3, 3, 2, 2 }, chains.Select(c => c.Count));
        Assert.Equal(new[] { Ids[0], Ids[4], Ids[8] }, chains[0]);
        Assert.Equal(Ids.OrderBy(x => x), chains.SelectMany(c => c).OrderBy(x => x));
    }

    [Fact]
    public void A_URL_budget_too_small_for_the_filters_adds_chains()
    {
        var perDepartment = ISpringUserPartitions.FilterLength(Ids[0]);

        var chains = ISpringUserPartitions.Split(Ids, maxChains: 2, urlBudget: perDepartment * 2);

        Assert.Equal(5, chains.Count);
        Assert.All(chains, c => Assert.True(c.Sum(ISpringUserPartitions.FilterLength) <= perDepartment * 2));
    }
}
