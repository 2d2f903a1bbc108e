using System;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Sandbox.ISpring;

public sealed partial class ISpringStore
{
    /// <summary>Departments in creation order (the root first), optionally only those with a code.</summary>
    public IReadOnlyList<ISpringDepartmentRecord> ListDepartments(string? code = null)
    {
        using (Reading()) return _departments.Where(d => code is null || string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase)).Select(Clone).ToList();
    }

    public ISpringDepartmentRecord GetDepartment(string id)
    {
        using (Reading()) return Clone(RequireDepartment(id));
    }

    public string CreateDepartment(string? name, string? parentId, string? code, bool rejectDuplicateNames)
    {
        using (Writing())
        {
            if (string.IsNullOrWhiteSpace(name)) throw BadRequest("name is required.");
            if (string.IsNullOrWhiteSpace(parentId)) throw BadRequest("parentDepartmentId is required.");
            var parent = FindDepartment(parentId) ?? throw BadRequest($"Parent department '{parentId}' does not exist.");
            CheckDepartmentName(name.Trim(), parent.DepartmentId, null, rejectDuplicateNames);
            CheckCode(code, null);
            return AddDepartment(NewId(), name.Trim(), parent.DepartmentId, string.IsNullOrWhiteSpace(code) ? null : code.Trim());
        }
    }

    public void UpdateDepartment(string id, string? name, string? parentId, string? code, bool rejectDuplicateNames)
    {
        using (Writing())
        {
            var department = RequireDepartment(id);
            if (name is not null && string.IsNullOrWhiteSpace(name)) throw BadRequest("name cannot be empty.");
            var newParent = department.ParentDepartmentId;
            if (parentId is not null)
            {
                if (department.ParentDepartmentId is null) throw BadRequest("The root department cannot be moved.");
                var parent = FindDepartment(parentId) ?? throw BadRequest($"Parent department '{parentId}' does not exist.");
                for (var d = parent; d is not null; d = d.ParentDepartmentId is null ? null : FindDepartment(d.ParentDepartmentId))
                    if (d.DepartmentId == department.DepartmentId) throw BadRequest("A department cannot be moved under itself or its own subdepartment.");
                newParent = parent.DepartmentId;
            }
            var newName = name?.Trim() ?? department.Name;
            if (newParent is not null) CheckDepartmentName(newName, newParent, department.DepartmentId, rejectDuplicateNames);
            CheckCode(code, department.DepartmentId);
            department.Name = newName;
            department.ParentDepartmentId = newParent;
            if (code is not null) department.Code = code.Trim().Length == 0 ? null : code.Trim();
        }
    }

    /// <summary>Deletes an empty department; the root, or one holding users or subdepartments, is refused.</summary>
    public void DeleteDepartment(string id)
    {
        using (Writing())
        {
            var department = RequireDepartment(id);
            if (department.ParentDepartmentId is null) throw BadRequest("The root department cannot be deleted.");
            var users = _users.Count(u => u.DepartmentId == department.DepartmentId);
            var children = _departments.Count(d => d.ParentDepartmentId == department.DepartmentId);
            if (users > 0 || children > 0)
                throw new ISpringApiError(409, $"Department '{department.Name}' is not empty ({users} users, {children} subdepartments); move them out first.");
            _departments.Remove(department);
        }
    }

    public void MoveUsers(string departmentId, IReadOnlyList<string> userIds)
    {
        using (Writing())
        {
            var department = RequireDepartment(departmentId);
            var users = RequireUsers(userIds);
            foreach (var u in users) u.DepartmentId = department.DepartmentId;
        }
    }

    private ISpringDepartmentRecord? FindDepartment(string id) =>
        _departments.FirstOrDefault(d => string.Equals(d.DepartmentId, id, StringComparison.OrdinalIgnoreCase));

    private ISpringDepartmentRecord RequireDepartment(string id) => FindDepartment(id) ?? throw NotFound("Department " + id);

    private void CheckDepartmentName(string name, string parentId, string? exceptId, bool rejectDuplicateNames)
    {
        if (!rejectDuplicateNames) return;
        if (_departments.Any(d => d.ParentDepartmentId == parentId && d.DepartmentId != exceptId && string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new ISpringApiError(409, $"A department named '{name}' already exists under this parent.");
    }

    private void CheckCode(string? code, string? exceptId)
    {
        if (string.IsNullOrWhiteSpace(code)) return;
        if (_departments.Any(d => d.DepartmentId != exceptId && string.Equals(d.Code, code.Trim(), StringComparison.OrdinalIgnoreCase)))
            throw new ISpringApiError(409, $"A department with code '{code.Trim()}' already exists.");
    }
}
