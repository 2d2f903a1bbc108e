using System.Collections.Generic;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Core.Sync;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// Turns a plan row into iSpring requests: the client's arguments for apply, and — from the client's own body
    /// builders — the same requests as previews, in the order apply sends them.
    /// </summary>
    internal sealed class ISpringRequests
    {
        private const string Json = "application/json";
        private readonly ISpringClient _client;
        private readonly ISpringClientOptions _options;

        public ISpringRequests(ISpringClient client, ISpringClientOptions options)
        {
            _client = client;
            _options = options;
        }

        /// <summary>The resolved Salesforce Id field; its value travels as a plain field change.</summary>
        public string? SalesforceIdField { get; set; }

        public ISpringNewUser NewUser(PlanRow row, IOrgIdResolver orgIds)
        {
            var user = new ISpringNewUser
            {
                DepartmentId = RowOrg.DepartmentId(row, orgIds)
                               ?? throw new LmsConnectorException("iSpring Learn needs a department for every new user; map one (Set-SfLmsMapping -Department).", 0, false, false),
                SendLoginEmail = row.SendWelcomeEmail,
            };
            foreach (var change in row.Changes)
                if (change.New != null) user.Fields[change.Field] = change.New;
            foreach (var groupId in RowOrg.JoinIds(row, orgIds)) user.GroupIds.Add(groupId);
            return user;
        }

        public static ISpringUserUpdate Update(PlanRow row, IOrgIdResolver orgIds)
        {
            var update = new ISpringUserUpdate { DepartmentId = RowOrg.DepartmentId(row, orgIds) };
            // An empty string clears the field in iSpring.
            foreach (var change in row.Changes) update.Fields[change.Field] = change.New ?? "";
            return update;
        }

        public IReadOnlyList<PayloadPreview> Preview(PlanRow row, IOrgIdResolver orgIds)
        {
            var requests = new List<PayloadPreview>();
            if (row.Action == PlanAction.Create)
            {
                var user = NewUser(row, orgIds);
                requests.Add(Post("/user", _client.CreateUserBody(user, ISpringClient.FieldsObject(user.Fields))));
                return requests;
            }
            var id = RowOrg.ExistingId(row);
            if (row.Action == PlanAction.Reactivate) requests.Add(Post(ISpringClient.StatusPath(id), ISpringClient.StatusBody(ISpringUserStatus.Active)));
            var update = Update(row, orgIds);
            if (update.DepartmentId != null || update.Fields.Count > 0)
                requests.Add(Post(ISpringClient.UserPath(id), ISpringClient.UpdateUserBody(update, update.Fields.Count > 0 ? ISpringClient.FieldsObject(update.Fields) : null)));
            foreach (var groupId in RowOrg.JoinIds(row, orgIds)) requests.AddRange(Join(groupId, id));
            var leave = RowOrg.LeaveIds(row, orgIds);
            if (leave.Count > 0 && _options.GroupLeaveMode == ISpringGroupLeaveMode.UserGroupsRemove)
                requests.Add(Post("/user/" + System.Uri.EscapeDataString(id) + "/groups/remove", new JObject { ["groupIds"] = new JArray(leave) }));
            else
                foreach (var groupId in leave) requests.AddRange(RewriteMembers(groupId, "(current members without " + id + ")"));
            if (row.Action == PlanAction.Deactivate) requests.Add(Post(ISpringClient.StatusPath(id), ISpringClient.StatusBody(ISpringUserStatus.Inactive)));
            return requests;
        }

        private IEnumerable<PayloadPreview> Join(string groupId, string userId)
        {
            if (_options.GroupJoinMode == ISpringGroupJoinMode.UserGroupIds)
            {
                return new[]
                {
                    new PayloadPreview("GET", ISpringClient.UserPath(userId), null, Json),
                    Post(ISpringClient.UserPath(userId), new JObject { ["groupIds"] = new JArray("(current groups)", groupId) }),
                };
            }
            return RewriteMembers(groupId, "(current members)", userId);
        }

        /// <summary>iSpring replaces the whole member list: read it, write it back changed, read it again to verify.</summary>
        private static IEnumerable<PayloadPreview> RewriteMembers(string groupId, params string[] members)
        {
            var path = "/group/" + System.Uri.EscapeDataString(groupId);
            return new[]
            {
                new PayloadPreview("GET", path, null, Json),
                Post(path + "/members", new JObject { ["userIds"] = new JArray(members) }),
                new PayloadPreview("GET", path, null, Json),
            };
        }

        private static PayloadPreview Post(string path, JObject body) => new PayloadPreview("POST", path, body.ToString(Formatting.None), Json);
    }
}
