using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using LmsSync.Core.Salesforce.Query;

namespace LmsSync.Core.Salesforce.Bulk
{
    /// <summary>
    /// One CSV page of Bulk 2.0 results read into records with the same typed values the REST reader
    /// produces (datetimes, dates, booleans and numbers by their described type, dotted parent paths as
    /// columns), and the locator of the next page (null after the last: Salesforce sends the string "null").
    /// </summary>
    internal sealed class BulkResultPage
    {
        private BulkResultPage(List<SalesforceRecord> records, string? nextLocator)
        {
            Records = records;
            NextLocator = nextLocator;
        }

        public List<SalesforceRecord> Records { get; }

        public string? NextLocator { get; }

        public static async Task<BulkResultPage> ReadAsync(HttpResponseMessage response, Stream body, RecordShape shape)
        {
            var mediaType = response.Content?.Headers.ContentType?.MediaType;
            if (mediaType != null && mediaType.IndexOf("csv", StringComparison.OrdinalIgnoreCase) < 0)
                throw new InvalidDataException($"the result page is {mediaType}, not CSV");
            var announced = Header(response, "Sforce-NumberOfRecords");
            var locator = Header(response, "Sforce-Locator");
            if (string.IsNullOrEmpty(locator) || locator == "null") locator = null;

            var csv = new CsvRowReader(new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024));
            var row = new List<string?>();
            var records = new List<SalesforceRecord>();
            if (await csv.ReadRowAsync(row).ConfigureAwait(false))
            {
                if (row.Any(name => name == null)) throw new InvalidDataException("the CSV header has an empty column name");
                var columns = row.Select(name => name!).ToArray();
                var kinds = columns.Select(name => shape.KindOf(name, "")).ToArray();
                while (await csv.ReadRowAsync(row).ConfigureAwait(false))
                {
                    if (row.Count != columns.Length)
                        throw new InvalidDataException($"row {records.Count + 1} has {row.Count} values for {columns.Length} columns");
                    var record = shape.Builder;
                    record.Start();
                    for (var i = 0; i < columns.Length; i++) Add(record, columns[i], row[i], kinds[i]);
                    records.Add(record.Build(shape.ObjectName));
                }
            }
            // A page cut short still ends cleanly at a row break: only the announced count shows it.
            if (announced != null && (!long.TryParse(announced, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count != records.Count))
                throw new InvalidDataException($"the page announced {announced} records but held {records.Count}");
            return new BulkResultPage(records, locator);
        }

        private static void Add(RecordBuilder record, string column, string? text, ValueKind kind)
        {
            if (text == null)
            {
                record.Set(column, null);
                return;
            }
            switch (kind)
            {
                case ValueKind.DateTime:
                    if (!SalesforceDateTime.TryParseDateTime(text, out var dateTime)) break;
                    record.Set(column, dateTime);
                    return;
                case ValueKind.Date:
                    if (!SalesforceDateTime.TryParseDate(text, out var date)) break;
                    record.Set(column, date);
                    return;
                case ValueKind.Boolean:
                    if (text != "true" && text != "false") break;
                    record.SetBoolean(column, text == "true");
                    return;
                case ValueKind.Number:
                    if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) break;
                    record.Set(column, number);
                    return;
                default:
                    record.SetText(column, text);
                    return;
            }
            throw new InvalidDataException($"field {column} is a {kind.ToString().ToLowerInvariant()} but its value '{(text.Length <= 40 ? text : text.Substring(0, 40) + "…")}' is not one");
        }

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
    }
}
