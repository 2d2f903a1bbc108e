using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.ISpring
{
    public sealed partial class ISpringClient
    {
        /// <summary>All departments (the root included), streamed from <c>GET /departments</c> page by page.</summary>
        public ISpringPageReader<ISpringDepartment> ReadDepartments() =>
            new ISpringPageReader<ISpringDepartment>((token, ct) =>
                _http.GetPageAsync("/departments?pageSize=" + _options.PageSize + PageToken(token), "departments", r => ISpringWireReader.Department(JObject.Load(r)), ct));

        public async Task<ISpringDepartment> GetDepartmentAsync(string departmentId, CancellationToken cancellationToken = default)
        {
            var body = await _http.GetAsync(Path("/department/{0}", departmentId), cancellationToken).ConfigureAwait(false);
            return Read(() => ISpringWireReader.Department(ISpringWireReader.Unwrap(body, "departmentId")), "GET /department/{id}");
        }

        /// <summary>The departments with this code (<c>GET /department?code=</c>).</summary>
        public async Task<IReadOnlyList<ISpringDepartment>> FindDepartmentsByCodeAsync(string code, CancellationToken cancellationToken = default)
        {
            var body = Object(await _http.GetAsync("/department?code=" + Uri.EscapeDataString(code), cancellationToken).ConfigureAwait(false), "GET /department");
            return (body["departments"] as JArray ?? new JArray()).OfType<JObject>().Select(o => Read(() => ISpringWireReader.Department(o), "GET /department")).ToList();
        }

        /// <summary>The root of the department tree (the one without a parent).</summary>
        public async Task<ISpringDepartment> GetRootDepartmentAsync(CancellationToken cancellationToken = default)
        {
            var reader = ReadDepartments();
            IReadOnlyList<ISpringDepartment>? page;
            while ((page = await reader.ReadPageAsync(cancellationToken).ConfigureAwait(false)) != null)
                if (page.FirstOrDefault(d => d.IsRoot) is ISpringDepartment root) return root;
            throw new ISpringApiException("GET /departments", 0, null, "no root department", "iSpring Learn listed no department without a parent; check the API key can see the whole tree.");
        }

        /// <summary><c>POST /department</c> under <paramref name="parentDepartmentId"/> (the root's id for a top-level one); returns the new id.</summary>
        public Task<string> CreateDepartmentAsync(string name, string parentDepartmentId, string? code = null, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A department needs a name.", nameof(name));
            if (string.IsNullOrWhiteSpace(parentDepartmentId)) throw new ArgumentException("A department needs a parent (the root's id for a top-level one).", nameof(parentDepartmentId));
            var body = new JObject { ["name"] = name, ["parentDepartmentId"] = parentDepartmentId };
            if (!string.IsNullOrEmpty(code)) body["code"] = code;
            return _http.CreateAsync("/department", body, "departmentId", cancellationToken);
        }

        /// <summary><c>DELETE /department/{id}</c>; iSpring refuses a department that still holds users or subdepartments.</summary>
        public Task DeleteDepartmentAsync(string departmentId, CancellationToken cancellationToken = default) =>
            _http.DeleteAsync(Path("/department/{0}", departmentId), cancellationToken);

        /// <summary><c>POST /department/{id}/user/move</c> <c>{userIds}</c>, in batches: each user's one department becomes this one.</summary>
        public async Task MoveUsersToDepartmentAsync(string departmentId, IEnumerable<string> userIds, CancellationToken cancellationToken = default)
        {
            foreach (var batch in Batches(userIds, _options.BulkBatchSize))
                await _http.PostAsync(Path("/department/{0}/user/move", departmentId), new JObject { ["userIds"] = Array(batch) }, idempotent: true, cancellationToken).ConfigureAwait(false);
        }
    }
}
