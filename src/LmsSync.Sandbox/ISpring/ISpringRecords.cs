using System;
using System.Collections.Generic;

namespace LmsSync.Sandbox.ISpring;

/// <summary>A user as the emulator stores it. <see cref="Fields"/> is keyed by catalogue name, case-insensitively.</summary>
public sealed class ISpringUserRecord
{
    public required string UserId { get; init; }
    /// <summary>Creation order; the paging cursor, so inserts and deletes during a listing never skip or repeat a user.</summary>
    public required long Sequence { get; init; }
    public required string DepartmentId { get; set; }
    public int Status { get; set; } = 1;
    public string Role { get; set; } = "learner";
    public Dictionary<string, string> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);
    public DateTimeOffset AddedDate { get; init; }
    public DateTimeOffset? LastLoginDate { get; set; }

    /// <summary>This user as the last <c>/users/v2</c> page showed it (see <see cref="ISpringRendering"/>); never copied.</summary>
    internal ISpringRendering? Listed { get; set; }

    public string Login => Fields.TryGetValue("login", out var v) ? v : "";
    public string Email => Fields.TryGetValue("email", out var v) ? v : "";
}

public sealed class ISpringDepartmentRecord
{
    public required string DepartmentId { get; init; }
    public required string Name { get; set; }
    /// <summary>Null only for the root.</summary>
    public string? ParentDepartmentId { get; set; }
    public string? Code { get; set; }
}

public sealed class ISpringGroupRecord
{
    public required string GroupId { get; init; }
    public required string Name { get; set; }
    public bool IsSmart { get; init; }
    /// <summary>Members in the order they were written.</summary>
    public List<string> UserIds { get; } = new();
}

/// <summary>One profile field of the account's catalogue (<c>GET /user/profile/fields</c>).</summary>
public sealed record ISpringProfileField(string Name, string Label, string Type, bool IsUnique, bool IsRequired, int OrderPriority)
{
    /// <summary>The name used in the array form of <c>fields</c> (upper case, as Pipedream reads it).</summary>
    public string ArrayName => Name.ToUpperInvariant();
}

/// <summary>A welcome ("login") email the emulator would have sent.</summary>
public sealed record ISpringSentEmail(string UserId, string Login, string Email, string InvitationMessage, DateTimeOffset SentAt);

/// <summary>A 4xx the emulator answers with an <c>ErrorResponse {code, message}</c>.</summary>
public sealed class ISpringApiError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
