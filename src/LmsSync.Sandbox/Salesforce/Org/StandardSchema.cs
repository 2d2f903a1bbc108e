using System;
using System.Collections.Generic;
using T = LmsSync.Sandbox.Salesforce.Org.SfFieldTypes;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>
/// The standard objects the LMS sync reads, with the fields, types, lengths and relationship
/// names of salesforce-api.md §8 (User, Contact, Group, GroupMember) plus the small objects the
/// lookups point at. Custom fields are the typical ones an org adds (Termination_Date__c and so on).
/// </summary>
internal static class StandardSchema
{
    public static readonly IReadOnlyList<string> UserTypes =
        ["Standard", "PowerPartner", "CustomerSuccess", "PowerCustomerSuccess", "CspLitePortal", "CsnOnly", "Guest", "AutomatedProcess"];

    public static readonly IReadOnlyList<string> GroupTypes =
        ["Regular", "Queue", "Role", "RoleAndSubordinates", "RoleAndSubordinatesInternal", "Manager", "ManagerAndSubordinatesInternal",
         "Organization", "PRMOrganization", "AllCustomerPortal", "Territory", "TerritoryAndSubordinates", "CollaborationGroup", "SharingRuleGroup"];

    public static readonly IReadOnlyList<string> LmsGroups =
        ["Onboarding", "Compliance", "Sales Academy", "Leadership", "Security Awareness"];

    public static readonly IReadOnlyList<string> TimeZones =
        ["America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York", "Europe/London", "Europe/Berlin", "Europe/Warsaw", "Asia/Tokyo", "Australia/Sydney", "GMT"];

    public static readonly IReadOnlyList<string> Locales = ["en_US", "en_GB", "de_DE", "pl_PL", "ja_JP", "es_ES", "fr_FR"];

    public static readonly IReadOnlyList<string> Languages = ["en_US", "de", "pl", "ja", "es", "fr"];

    public static SfSchema Build() => new([User(), Contact(), Account(), Group(), GroupMember(), Profile(), UserRole(), UserLogin()]);

    private static SfObjectSchema User() => new("User", "Users", "005", deletable: false, fields:
    [
        IdField(),
        Text("Username", 80, nillable: false, unique: true),
        new("Email", T.Email, nillable: false, length: 128),
        Text("FirstName", 40),
        Text("LastName", 80, nillable: false),
        FullName(),
        Text("Alias", 8, nillable: false),
        Text("CommunityNickname", 40, unique: true),
        Bool("IsActive", defaultValue: true),
        Text("Department", 80),
        Text("Division", 80),
        Text("CompanyName", 80),
        Text("Title", 80),
        Text("EmployeeNumber", 20),
        Text("FederationIdentifier", 512, label: "SAML Federation ID"),
        Lookup("ManagerId", "User", "Manager"),
        Lookup("ProfileId", "Profile", "Profile", nillable: false),
        Lookup("UserRoleId", "UserRole", "UserRole"),
        new("UserType", T.Picklist, picklistValues: UserTypes, length: 40, createable: false, updateable: false, defaultValue: "Standard"),
        new("Phone", T.Phone, length: 40),
        new("MobilePhone", T.Phone, length: 40),
        Text("City", 40),
        Text("State", 80, label: "State/Province"),
        Text("Country", 80),
        new("TimeZoneSidKey", T.Picklist, nillable: false, length: 40, picklistValues: TimeZones, label: "Time Zone"),
        new("LocaleSidKey", T.Picklist, nillable: false, length: 40, picklistValues: Locales, label: "Locale"),
        new("LanguageLocaleKey", T.Picklist, nillable: false, length: 40, picklistValues: Languages, label: "Language"),
        // Long text: Salesforce neither filters nor sorts on it, which the SOQL tests rely on.
        new("AboutMe", T.TextArea, length: 1000, filterable: false),
        new("Termination_Date__c", T.Date),
        new("Hire_Date__c", T.Date),
        Text("Cost_Center__c", 20),
        new("LMS_Groups__c", T.MultiPicklist, length: 4099, picklistValues: LmsGroups, label: "LMS Groups"),
        new("LastLoginDate", T.DateTime, createable: false, updateable: false),
        .. AuditFields(),
    ]);

    private static SfObjectSchema Contact() => new("Contact", "Contacts", "003", deletable: true, fields:
    [
        IdField(),
        Text("FirstName", 40),
        Text("LastName", 80, nillable: false),
        FullName(),
        new("Email", T.Email, length: 80),
        Text("Title", 128),
        Text("Department", 80),
        new("Phone", T.Phone, length: 40),
        new("MobilePhone", T.Phone, length: 40),
        Lookup("AccountId", "Account", "Account"),
        Lookup("ReportsToId", "Contact", "ReportsTo"),
        DeletedFlag(),
        Bool("Active__c", label: "Active"),
        .. AuditFields(),
    ]);

    private static SfObjectSchema Account() => new("Account", "Accounts", "001", deletable: true, fields:
    [
        IdField(),
        Text("Name", 255, nillable: false, label: "Account Name"),
        new("NumberOfEmployees", T.Int, label: "Employees"),
        new("AnnualRevenue", T.Currency),
        DeletedFlag(),
        .. AuditFields(),
    ]);

    private static SfObjectSchema Group() => new("Group", "Groups", "00G", deletable: true, fields:
    [
        IdField(),
        Text("Name", 40, nillable: false),
        Text("DeveloperName", 80, label: "Developer Name"),
        new("Type", T.Picklist, length: 40, picklistValues: GroupTypes, nillable: false),
        Lookup("RelatedId", "UserRole", relationshipName: null, referenceTo: ["User", "UserRole"]),
        .. AuditFields(),
    ]);

    // GroupMember has SystemModstamp but no CreatedDate/LastModifiedDate (salesforce-api.md §8.3).
    private static SfObjectSchema GroupMember() => new("GroupMember", "Group Members", "011", deletable: true, fields:
    [
        IdField(),
        Lookup("GroupId", "Group", "Group", nillable: false, updateable: false),
        Lookup("UserOrGroupId", "User", relationshipName: null, referenceTo: ["User", "Group"], nillable: false, updateable: false),
        SystemField("SystemModstamp"),
    ]);

    private static SfObjectSchema Profile() => new("Profile", "Profiles", "00e", deletable: false, fields:
    [
        IdField(),
        Text("Name", 255, nillable: false),
        .. AuditFields(),
    ]);

    private static SfObjectSchema UserRole() => new("UserRole", "Roles", "00E", deletable: true, fields:
    [
        IdField(),
        Text("Name", 80, nillable: false),
        Text("DeveloperName", 80),
        Lookup("ParentRoleId", "UserRole", relationshipName: null),
        SystemField("LastModifiedDate"),
        SystemField("SystemModstamp"),
    ]);

    private static SfObjectSchema UserLogin() => new("UserLogin", "User Logins", "060", deletable: false, createable: false, fields:
    [
        IdField(),
        Lookup("UserId", "User", relationshipName: null, nillable: false, updateable: false),
        Bool("IsFrozen"),
        Bool("IsPasswordLocked"),
        SystemField("LastModifiedDate"),
    ]);

    private static SfFieldSchema IdField() =>
        new("Id", T.Id, label: "Record ID", nillable: false, length: 18, createable: false, updateable: false, unique: true);

    private static SfFieldSchema Text(string name, int length, bool nillable = true, bool unique = false, string? label = null) =>
        new(name, T.String, label: label, nillable: nillable, length: length, unique: unique);

    // Salesforce booleans are never null: they default to false unless told otherwise.
    private static SfFieldSchema Bool(string name, bool defaultValue = false, string? label = null) =>
        new(name, T.Boolean, label: label, nillable: false, defaultValue: defaultValue ? BoxedBool.True : BoxedBool.False);

    private static SfFieldSchema Lookup(string name, string target, string? relationshipName, bool nillable = true, bool updateable = true, IReadOnlyList<string>? referenceTo = null) =>
        new(name, T.Reference, nillable: nillable, length: 18, referenceTo: referenceTo ?? [target], relationshipName: relationshipName, updateable: updateable);

    private static SfFieldSchema FullName() =>
        new("Name", T.String, label: "Full Name", nillable: false, length: 121, compute: JoinNames);

    // IsDeleted mirrors the row's soft-delete flag, so it cannot drift from it.
    private static SfFieldSchema DeletedFlag() =>
        new("IsDeleted", T.Boolean, label: "Deleted", nillable: false, compute: row => BoxedBool.Of(row.IsDeleted));

    private static SfFieldSchema SystemField(string name) =>
        new(name, T.DateTime, nillable: false, createable: false, updateable: false);

    private static SfFieldSchema[] AuditFields() =>
        [SystemField("CreatedDate"), SystemField("LastModifiedDate"), SystemField("SystemModstamp")];

    // "First Last", or just the last name when the first is blank — User.Name and Contact.Name.
    private static object? JoinNames(SfRow row)
    {
        var first = row["FirstName"] as string;
        var last = row["LastName"] as string;
        return string.IsNullOrEmpty(first) ? last : string.IsNullOrEmpty(last) ? first : first + " " + last;
    }
}
