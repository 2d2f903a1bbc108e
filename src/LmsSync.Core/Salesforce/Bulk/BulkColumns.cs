using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using LmsSync.Core.Salesforce.Query;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Salesforce.Bulk
{
    /// <summary>
    /// The columns of a Bulk result page (its CSV header) and how each row becomes a record: every column's slot and
    /// described type are found once per page, and each value is made from the reader's buffer by slot, with the same
    /// types the REST reader gives (datetimes, dates, booleans and numbers by their described type, text shared
    /// through the read's pool).
    /// </summary>
    internal sealed class BulkColumns
    {
        private readonly RecordShape _shape;
        private readonly string[] _names;
        private readonly int[] _slots;
        private readonly ValueKind[] _kinds;
        private readonly int _width;

        private BulkColumns(RecordShape shape, string[] names)
        {
            _shape = shape;
            _names = names;
            _slots = shape.Builder.SlotsOf(names);
            _kinds = new ValueKind[names.Length];
            for (var i = 0; i < names.Length; i++) _kinds[i] = shape.KindOf(names[i], "");
            _width = shape.Builder.Width;
        }

        /// <summary>The columns named by the header row <paramref name="header"/> has just read.</summary>
        public static BulkColumns Of(CsvRowReader header, RecordShape shape)
        {
            var names = new string[header.Count];
            for (var i = 0; i < names.Length; i++)
                names[i] = header.GetString(i) ?? throw new InvalidDataException("the CSV header has an empty column name");
            return new BulkColumns(shape, names);
        }

        /// <summary>The record of the row <paramref name="csv"/> has just read, row <paramref name="number"/> of its page.</summary>
        [MethodImpl(Jit.Optimized)]
        public SalesforceRecord Read(CsvRowReader csv, int number)
        {
            if (csv.Count != _names.Length)
                throw new InvalidDataException($"row {number} has {csv.Count} values for {_names.Length} columns");
            var values = new object?[_width];
            // Slots of the query that this page has no column for (none, unless a header changed between pages) hold Absent.
            if (_width != _names.Length)
                for (var slot = 0; slot < _width; slot++) values[slot] = SalesforceRecord.Absent;
            for (var i = 0; i < _names.Length; i++) values[_slots[i]] = csv.IsNull(i) ? null : Value(csv, i);
            return _shape.Builder.Build(_shape.ObjectName, values);
        }

        [MethodImpl(Jit.Optimized)]
        private object Value(CsvRowReader csv, int column)
        {
            var kind = _kinds[column];
            switch (kind)
            {
                case ValueKind.DateTime:
                    if (SalesforceDateTime.TryParseDateTime(csv.GetText(column), out var dateTime)) return dateTime;
                    break;
                case ValueKind.Date:
                    if (SalesforceDateTime.TryParseDate(csv.GetText(column), out var date)) return date;
                    break;
                case ValueKind.Boolean:
                    var flag = csv.GetText(column);
                    if (flag.Matches("true")) return RecordBuilder.Boolean(true);
                    if (flag.Matches("false")) return RecordBuilder.Boolean(false);
                    break;
                case ValueKind.Number:
                    if (decimal.TryParse(csv.GetString(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return number;
                    break;
                default:
                    return _shape.Builder.ShareText(_slots[column], csv.GetText(column));
            }
            var text = csv.GetString(column)!;
            throw new InvalidDataException($"field {_names[column]} is a {kind.ToString().ToLowerInvariant()} but its value '{(text.Length <= 40 ? text : text.Substring(0, 40) + "…")}' is not one");
        }
    }
}
