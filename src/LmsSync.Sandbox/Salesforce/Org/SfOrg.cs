using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LmsSync.Sandbox.Salesforce.Soql;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>
/// An in-memory Salesforce org. Thread-safe: writers take one lock and publish a new immutable
/// <see cref="OrgSnapshot"/>; readers (queries, lookups) take the current snapshot without
/// locking, so a running query never sees a half-applied write nor any write made after it began.
/// </summary>
public sealed class SfOrg
{
    private readonly object _writeLock = new();
    private OrgSnapshot _current;

    public SfOrg(SfSchema schema, Func<DateTimeOffset> clock)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        var tables = new RowTable[schema.Objects.Count];
        Array.Fill(tables, RowTable.Empty);
        _current = new OrgSnapshot(schema, tables);
    }

    public SfSchema Schema { get; }

    /// <summary>The org's notion of now: stamps writes and anchors TODAY, LAST_N_DAYS and friends.</summary>
    public Func<DateTimeOffset> Clock { get; }

    internal OrgSnapshot Snapshot => Volatile.Read(ref _current);

    /// <summary>Live (not deleted) records of the object.</summary>
    public int Count(string objectName) => Snapshot.Table(Require(objectName)).LiveCount;

    /// <summary>Live records of the object in creation order, from one snapshot.</summary>
    public IEnumerable<SfRow> Rows(string objectName) => Rows(objectName, includeDeleted: false);

    /// <summary>Records of the object in creation order; with <paramref name="includeDeleted"/> the recycle bin too.</summary>
    public IEnumerable<SfRow> Rows(string objectName, bool includeDeleted) => Snapshot.Table(Require(objectName)).Rows(includeDeleted);

    /// <summary>The record with this 15- or 18-character id, including a deleted one (check <see cref="SfRow.IsDeleted"/>); null when none.</summary>
    public SfRow? Get(string id) => Snapshot.Find(id);

    /// <summary>
    /// Creates a record: assigns the 18-character Id and stamps CreatedDate, LastModifiedDate and
    /// SystemModstamp (those the object has) with the clock. Throws <see cref="SfOrgException"/>
    /// with INVALID_TYPE, INVALID_FIELD, INVALID_FIELD_FOR_INSERT_UPDATE, REQUIRED_FIELD_MISSING,
    /// INVALID_TYPE_ON_FIELD_IN_RECORD, STRING_TOO_LONG, MALFORMED_ID, INVALID_CROSS_REFERENCE_KEY,
    /// DUPLICATE_USERNAME or DUPLICATE_VALUE as Salesforce does.
    /// </summary>
    public SfRow Insert(string objectName, IReadOnlyDictionary<string, object?> values)
    {
        var obj = Require(objectName);
        var changes = WriteValidation.Resolve(obj, values);
        lock (_writeLock)
        {
            var snapshot = Snapshot;
            var stored = NewValues(obj);
            foreach (var (field, value) in changes)
            {
                WriteValidation.CheckReference(snapshot, field, value);
                stored[field.Ordinal] = value;
            }

            WriteValidation.CheckRequired(obj, stored);
            WriteValidation.CheckUnique(snapshot.Table(obj), obj, stored, changes.Select(c => c.Field), selfId: null);
            return Append(obj, stored, Now());
        }
    }

    /// <summary>
    /// Changes fields of a record and bumps LastModifiedDate and SystemModstamp. Throws
    /// <see cref="SfOrgException"/>: MALFORMED_ID, NOT_FOUND, ENTITY_IS_DELETED, plus the field errors of <see cref="Insert"/>.
    /// </summary>
    public SfRow Update(string id, IReadOnlyDictionary<string, object?> values)
    {
        lock (_writeLock)
        {
            var snapshot = Snapshot;
            var (obj, index) = Locate(snapshot, id);
            var row = snapshot.Table(obj)[index];
            if (row.IsDeleted)
            {
                throw SfOrgException.Deleted();
            }

            var stored = row.CopyValues();
            var changes = WriteValidation.Resolve(obj, values);
            foreach (var (field, value) in changes)
            {
                WriteValidation.CheckReference(snapshot, field, value);
                stored[field.Ordinal] = value;
            }

            WriteValidation.CheckRequired(obj, stored);
            WriteValidation.CheckUnique(snapshot.Table(obj), obj, stored, changes.Select(c => c.Field), row.Id);
            Stamp(obj, stored, Now(), created: false);
            var updated = row.WithValues(stored);
            Publish(snapshot.With(obj, snapshot.Table(obj).Replace(index, updated)));
            return updated;
        }
    }

    /// <summary>
    /// Soft-deletes a record: it moves to the recycle bin, where only queryAll sees it, and its
    /// SystemModstamp moves on. Deleting a Group also deletes its GroupMember rows, as Salesforce does.
    /// Objects that support no delete() call (User, Profile, UserLogin) throw METHOD_NOT_ALLOWED
    /// with the message the REST API gives for <c>DELETE /sobjects/User/{id}</c> (HTTP 405).
    /// A record already deleted throws ENTITY_IS_DELETED; an unknown id NOT_FOUND.
    /// </summary>
    public void Delete(string id)
    {
        lock (_writeLock)
        {
            var snapshot = Snapshot;
            var (obj, index) = Locate(snapshot, id);
            if (!obj.Deletable)
            {
                throw new SfOrgException("METHOD_NOT_ALLOWED", "HTTP Method 'DELETE' not allowed. Allowed are GET,HEAD,PATCH");
            }

            var row = snapshot.Table(obj)[index];
            if (row.IsDeleted)
            {
                throw SfOrgException.Deleted();
            }

            var now = Now();
            snapshot = SoftDelete(snapshot, obj, index, now);
            if (obj.Name == "Group")
            {
                snapshot = DeleteMembershipsOf(snapshot, row.Id, now);
            }

            Publish(snapshot);
        }
    }

    /// <summary>Runs a SOQL query over a snapshot of the org; throws <see cref="SoqlException"/> for queries Salesforce rejects.</summary>
    /// <param name="soql">The query text.</param>
    /// <param name="includeDeleted">True for queryAll: deleted records are included.</param>
    public SoqlResult Query(string soql, bool includeDeleted = false) =>
        SoqlEngine.Execute(Snapshot, soql, includeDeleted, Clock());

    /// <summary>Builds the SystemModstamp index of every object that has the field (<see cref="ModstampIndex"/>); the writes keep it from then on.</summary>
    internal void IndexStamps()
    {
        lock (_writeLock)
        {
            var snapshot = Snapshot;
            foreach (var obj in Schema.Objects)
            {
                if (obj.ModstampField is { } field)
                {
                    snapshot.Table(obj).StampIndex(field);
                }
            }
        }
    }

    /// <summary>
    /// The seed's fast path: stores prepared values without validation and returns the new row.
    /// Audit fields the caller left null are stamped with the clock.
    /// </summary>
    internal SfRow InsertTrusted(SfObjectSchema obj, object?[] values)
    {
        lock (_writeLock)
        {
            return Append(obj, values, Now());
        }
    }

    /// <summary>A value array with every default filled in, ready for the caller's values.</summary>
    internal static object?[] NewValues(SfObjectSchema obj)
    {
        var values = new object?[obj.StoredFieldCount];
        foreach (var field in obj.Fields)
        {
            if (field.Ordinal >= 0 && field.DefaultValue is not null)
            {
                values[field.Ordinal] = field.DefaultValue;
            }
        }

        return values;
    }

    private SfRow Append(SfObjectSchema obj, object?[] values, DateTimeOffset now)
    {
        var snapshot = Snapshot;
        var table = snapshot.Table(obj);
        values[obj.IdField.Ordinal] = SalesforceId.Create(obj.KeyPrefix, table.Count + 1L);
        Stamp(obj, values, now, created: true);
        var row = new SfRow(obj, values);
        Publish(snapshot.With(obj, table.Append(row)));
        return row;
    }

    // On create, only audit fields still empty are stamped (the seed back-dates its rows).
    private static void Stamp(SfObjectSchema obj, object?[] values, DateTimeOffset now, bool created)
    {
        object boxed = now;
        foreach (var name in created ? CreateStamps : UpdateStamps)
        {
            if (obj.FindField(name) is { } field && (!created || values[field.Ordinal] is null))
            {
                values[field.Ordinal] = boxed;
            }
        }
    }

    private static readonly string[] CreateStamps = ["CreatedDate", "LastModifiedDate", "SystemModstamp"];
    private static readonly string[] UpdateStamps = ["LastModifiedDate", "SystemModstamp"];

    private static OrgSnapshot SoftDelete(OrgSnapshot snapshot, SfObjectSchema obj, int index, DateTimeOffset now)
    {
        var row = snapshot.Table(obj)[index];
        var stored = row.CopyValues();
        Stamp(obj, stored, now, created: false);
        return snapshot.With(obj, snapshot.Table(obj).Replace(index, row.AsDeleted(stored, now)));
    }

    private static OrgSnapshot DeleteMembershipsOf(OrgSnapshot snapshot, string groupId, DateTimeOffset now)
    {
        var members = snapshot.Schema.Find("GroupMember")!;
        var groupField = members.FindField("GroupId")!;
        var memberField = members.FindField("UserOrGroupId")!;
        var table = snapshot.Table(members);
        for (var i = 0; i < table.Count; i++)
        {
            var row = table[i];
            if (!row.IsDeleted && (Equals(row.GetValue(groupField), groupId) || Equals(row.GetValue(memberField), groupId)))
            {
                snapshot = SoftDelete(snapshot, members, i, now);
            }
        }

        return snapshot;
    }

    private static (SfObjectSchema Obj, int Index) Locate(OrgSnapshot snapshot, string id)
    {
        if (!SalesforceId.TryNormalize(id, out _))
        {
            throw SfOrgException.MalformedId(id);
        }

        return snapshot.TryLocate(id, out var obj, out var index) ? (obj, index) : throw SfOrgException.NotFound();
    }

    private SfObjectSchema Require(string objectName) =>
        Schema.Find(objectName) ?? throw SfOrgException.UnknownObject(objectName);

    private DateTimeOffset Now() => FieldValues.Truncate(Clock());

    private void Publish(OrgSnapshot snapshot) => Volatile.Write(ref _current, snapshot);
}
