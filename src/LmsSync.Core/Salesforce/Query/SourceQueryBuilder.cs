using System;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Core.Salesforce.Query
{
    /// <summary>The Salesforce object people are read from.</summary>
    public enum SourceObject
    {
        User,
        Contact,
    }

    /// <summary>
    /// Builds the SELECT that reads the source people: the fields the mapping and rules name, plus the
    /// ones the sync always needs (Id, SystemModstamp, and IsActive for User); an optional WHERE filter,
    /// in parentheses and AND-ed with the built-in filters (internal users only, modified since).
    /// </summary>
    public sealed class SourceQueryBuilder
    {
        private readonly List<string> _fields = new List<string>();
        private string? _where;
        private DateTimeOffset? _modifiedSince;
        private List<string>? _ids;

        public SourceQueryBuilder(SourceObject source = SourceObject.User)
        {
            Source = source;
            StandardUsersOnly = source == SourceObject.User;
            foreach (var field in RequiredFields(source)) AddField(field);
        }

        public SourceObject Source { get; }

        public string ObjectName => Source.ToString();

        /// <summary>
        /// User only: keep <c>UserType = 'Standard'</c> (internal users), leaving out partner, customer,
        /// guest and automated users. On by default for User.
        /// </summary>
        public bool StandardUsersOnly { get; set; }

        /// <summary>The selected paths, in order, without duplicates (compared case-insensitively).</summary>
        public IReadOnlyList<string> Fields => _fields;

        /// <summary>The fields every source read selects.</summary>
        public static IReadOnlyList<string> RequiredFields(SourceObject source) =>
            source == SourceObject.User ? new[] { "Id", "IsActive", "SystemModstamp" } : new[] { "Id", "SystemModstamp" };

        /// <summary>Adds field paths (<c>Department</c>, <c>Manager.Email</c>); malformed names are refused here, unknown ones by describe later.</summary>
        public SourceQueryBuilder AddFields(IEnumerable<string> paths)
        {
            foreach (var path in paths) AddField(path);
            return this;
        }

        public SourceQueryBuilder AddField(string path)
        {
            var checkedPath = SoqlLiteral.FieldPath(path);
            if (!_fields.Any(f => string.Equals(f, checkedPath, StringComparison.OrdinalIgnoreCase))) _fields.Add(checkedPath);
            return this;
        }

        /// <summary>An extra condition (e.g. <c>Department = 'Sales'</c>); validated by <see cref="SoqlWhereFragment"/>. Null clears it.</summary>
        public SourceQueryBuilder Where(string? fragment)
        {
            _where = string.IsNullOrWhiteSpace(fragment) ? null : SoqlWhereFragment.Validate(fragment!);
            return this;
        }

        /// <summary>Only rows changed at or after this instant (<c>SystemModstamp &gt;= …</c>); null = a full read.</summary>
        public SourceQueryBuilder ModifiedSince(DateTimeOffset? since)
        {
            _modifiedSince = since;
            return this;
        }

        /// <summary>Only these records (<c>Id IN (…)</c>); keep a list to about 200 ids so the URL stays short. Null clears it.</summary>
        public SourceQueryBuilder IdIn(IEnumerable<string>? ids)
        {
            _ids = ids?.Select(SoqlLiteral.String).ToList();
            return this;
        }

        /// <summary>ORDER BY SystemModstamp, Id: a delta read in the order changes happened (stable across equal stamps).</summary>
        public bool OrderBySystemModstamp { get; set; }

        /// <summary>The SOQL over <see cref="Fields"/>.</summary>
        public string Build() => Build(_fields);

        /// <summary>The SOQL over the given paths (the client passes the canonical spellings describe returned).</summary>
        public string Build(IReadOnlyList<string> fields)
        {
            var soql = "SELECT " + string.Join(", ", fields) + " FROM " + ObjectName + WhereClause();
            if (OrderBySystemModstamp) soql += " ORDER BY SystemModstamp, Id";
            return soql;
        }

        /// <summary><c>SELECT COUNT() FROM …</c> with the same WHERE: how many records <see cref="Build()"/> would read.</summary>
        public string BuildCount() => "SELECT COUNT() FROM " + ObjectName + WhereClause();

        private string WhereClause()
        {
            var conditions = new List<string>();
            if (Source == SourceObject.User && StandardUsersOnly) conditions.Add("UserType = " + SoqlLiteral.String("Standard"));
            if (_modifiedSince is DateTimeOffset since) conditions.Add("SystemModstamp >= " + SoqlLiteral.DateTime(since));
            if (_ids != null) conditions.Add(_ids.Count == 0 ? "Id = null" : "Id IN (" + string.Join(", ", _ids) + ")");
            if (_where != null) conditions.Add("(" + _where + ")");
            return conditions.Count > 0 ? " WHERE " + string.Join(" AND ", conditions) : "";
        }
    }
}
