using System;
using System.Collections.Generic;

namespace LmsSync.Sandbox.SkyPrep;

/// <summary>A user in the emulator's state (lms-apis.md §1.6).</summary>
public sealed class SkyPrepUserRecord
{
    public int Id { get; init; }
    public string Email { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Role { get; set; } = "learner";
    public string? Company { get; set; }
    public string? Cell { get; set; }
    public string? Title { get; set; }
    public string? SalesforceId { get; set; }
    public bool Active { get; set; } = true;
    public bool EmailNotifications { get; set; } = true;
    public Dictionary<string, string> CustomLabels { get; init; } = new(StringComparer.OrdinalIgnoreCase);
    public SortedSet<int> GroupIds { get; init; } = new();
    public DateTimeOffset CreatedAt { get; init; }

    public SkyPrepUserRecord Copy() => new()
    {
        Id = Id, Email = Email, FirstName = FirstName, LastName = LastName, Role = Role, Company = Company, Cell = Cell, Title = Title,
        SalesforceId = SalesforceId, Active = Active, EmailNotifications = EmailNotifications,
        CustomLabels = new Dictionary<string, string>(CustomLabels, StringComparer.OrdinalIgnoreCase), GroupIds = new SortedSet<int>(GroupIds), CreatedAt = CreatedAt,
    };
}

/// <summary>A user group.</summary>
public sealed record SkyPrepGroupRecord(int Id, string Name);

/// <summary>An email the emulator "sent", so tests can assert welcome emails and their suppression.</summary>
public sealed record SkyPrepSentEmail(int UserId, string To, string Kind, DateTimeOffset At);
