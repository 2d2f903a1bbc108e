using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Lms;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Mapping;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Lms.Connectors;

/// <summary>Names → ids of departments and groups, filled as org changes are applied (what the engine keeps).</summary>
public sealed class OrgIds : IOrgIdResolver
{
    public Dictionary<string, string> Departments { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, string> Groups { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? DepartmentId(string name) => Departments.TryGetValue(name, out var id) ? id : null;
    public string? GroupId(string name) => Groups.TryGetValue(name, out var id) ? id : null;
}

/// <summary>Every request as it left the client: method, path and query, body (after the connector's counting handler).</summary>
public sealed class WireRecorder : DelegatingHandler
{
    public WireRecorder() : base(new HttpClientHandler()) { }

    public List<(string Method, string Path, string Body)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests) Requests.Add((request.Method.Method, request.RequestUri!.PathAndQuery, body));
        return await base.SendAsync(request, cancellationToken);
    }

    public void Clear()
    {
        lock (Requests) Requests.Clear();
    }
}

/// <summary>Plans against a connector's snapshot and applies the plan through it, as the engine would (sequentially).</summary>
public static class ConnectorRun
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static async Task<Plan> PlanAsync(ILmsConnector connector, IReadOnlyList<SourceUser> users, SyncState state, SyncMapping? mapping = null, SyncOptions? options = null)
    {
        var snapshot = await connector.ReadAsync(null, CancellationToken.None);
        return Planner.Plan(new PlanInput(users, true, snapshot, state, mapping ?? LmsFieldCatalog.DefaultMapping(connector.Capabilities.Kind),
            connector.Catalog, connector.Capabilities, new FixedClock(Now), options ?? new SyncOptions()));
    }

    /// <summary>Creations, then rows, then deletions; returns the state the next run starts from.</summary>
    public static async Task<SyncState> ApplyAsync(ILmsConnector connector, Plan plan, SyncState state)
    {
        var ids = new OrgIds();
        var created = new List<string>(state.CreatedDepartmentIds);
        var managedGroupIds = new List<string>(state.ManagedGroupIds);
        foreach (var change in plan.OrgChanges.Where(c => c.Kind != OrgChangeKind.DeleteDepartment))
        {
            var id = await connector.ApplyAsync(change, CancellationToken.None);
            Assert.NotNull(id);
            if (change.Kind == OrgChangeKind.CreateDepartment)
            {
                ids.Departments[change.Name] = id!;
                created.Add(id!);
            }
            else
            {
                ids.Groups[change.Name] = id!;
                managedGroupIds.Add(id!);
            }
        }
        var links = state.Links.ToList();
        foreach (var row in plan.Rows.Where(Applies))
        {
            var lmsId = await connector.ApplyAsync(row, ids, CancellationToken.None);
            if (row.CreatesLink) links.Add(new Link(row.SalesforceId!, lmsId, row.LinkOrigin, Now));
        }
        foreach (var change in plan.OrgChanges.Where(c => c.Kind == OrgChangeKind.DeleteDepartment))
            await connector.ApplyAsync(change, CancellationToken.None);
        return new SyncState(links, managedGroupIds, plan.ManagedGroupNames, created);
    }

    public static bool Applies(PlanRow row) =>
        row.WritesToLms || row.DepartmentChange != null || row.GroupsToJoin.Count > 0 || row.GroupsToLeave.Count > 0;

    /// <summary>Rows that would still write anything, described for the assertion message.</summary>
    public static string Leftovers(Plan plan) => string.Join("\n", plan.Rows.Where(r => Applies(r) || r.CreatesLink)
        .Select(r => $"{r} changes=[{string.Join("; ", r.Changes)}] dept={r.DepartmentChange} join=[{string.Join(",", r.GroupsToJoin)}] leave=[{string.Join(",", r.GroupsToLeave)}]")
        .Concat(plan.OrgChanges.Select(c => c.ToString())));
}
