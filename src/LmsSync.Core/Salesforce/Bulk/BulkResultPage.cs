using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
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
        /// <summary>The most rows a page's list is made room for up front, whatever a header announces.</summary>
        private const int MaxPresized = 200_000;

        private BulkResultPage(List<SalesforceRecord> records, string? nextLocator)
        {
            Records = records;
            NextLocator = nextLocator;
        }

        public List<SalesforceRecord> Records { get; }

        public string? NextLocator { get; }

        /// <summary>Reads the page; <paramref name="nextKnown"/> is told the next page's locator as soon as the headers name it, before the body is read.</summary>
        public static async Task<BulkResultPage> ReadAsync(HttpResponseMessage response, Stream body, RecordShape shape, Action<string>? nextKnown = null)
        {
            var mediaType = response.Content?.Headers.ContentType?.MediaType;
            if (mediaType != null && mediaType.IndexOf("csv", StringComparison.OrdinalIgnoreCase) < 0)
                throw new InvalidDataException($"the result page is {mediaType}, not CSV");
            var announced = Header(response, "Sforce-NumberOfRecords");
            var locator = Header(response, "Sforce-Locator");
            if (string.IsNullOrEmpty(locator) || locator == "null") locator = null;
            else nextKnown?.Invoke(locator!);

            var csv = new CsvRowReader(body);
            // Sized by the announced count (at most maxRecords) so the page's list is not grown by copying.
            var count = announced != null && long.TryParse(announced, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
            var records = new List<SalesforceRecord>((int)Math.Max(0, Math.Min(count, MaxPresized)));
            BulkColumns? columns = null;
            while (await csv.FillAsync().ConfigureAwait(false))
            {
                // Rows are parsed synchronously from the buffer just filled: one await per buffer, not per row.
                while (csv.TryReadRow())
                {
                    if (columns == null) columns = BulkColumns.Of(csv, shape);
                    else records.Add(columns.Read(csv, records.Count + 1));
                }
            }
            // A page cut short still ends cleanly at a row break: only the announced count shows it.
            if (announced != null && count != records.Count)
                throw new InvalidDataException($"the page announced {announced} records but held {records.Count}");
            return new BulkResultPage(records, locator);
        }

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
    }
}
