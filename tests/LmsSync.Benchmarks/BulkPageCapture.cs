using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Bulk;
using LmsSync.Core.Salesforce.Query;

namespace LmsSync.Benchmarks;

/// <summary>
/// sf-read <c>--bulk --parse N</c>: keeps the body of every Bulk result page the production read fetched, then parses
/// the pages N more times from memory with nothing else running (the in-process emulator is idle), so the figure is
/// the client's own CPU and allocation per record for CSV → records, apart from the emulator's CSV writing.
/// </summary>
internal sealed class BulkPageCapture : DelegatingHandler
{
    private readonly List<(HttpResponseMessage Response, byte[] Body)> _pages = new();

    public BulkPageCapture() : base(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate })
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode || request.RequestUri?.AbsolutePath.EndsWith("/results", StringComparison.Ordinal) != true) return response;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var copy = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = copy;
        lock (_pages) _pages.Add((response, body));
        return response;
    }

    /// <summary>Parses every kept page <paramref name="times"/> times; prints CPU ms and bytes allocated per record.</summary>
    public async Task MeasureAsync(SalesforceClient client, SourceQueryBuilder query, int times)
    {
        var resolved = await client.ValidateFieldsAsync(query.ObjectName, query.Fields);
        var types = resolved.ToDictionary(f => f.Path, f => f.Field.Type, StringComparer.OrdinalIgnoreCase);
        var paths = resolved.Select(f => f.Path).ToList();
        long records = 0;
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(true);
        var gen0 = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < times; i++)
        {
            var shape = new RecordShape(query.ObjectName, paths, types);
            foreach (var (response, body) in _pages)
                records += (await BulkResultPage.ReadAsync(response, new MemoryStream(body, writable: false), shape)).Records.Count;
        }
        clock.Stop();
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var bytes = GC.GetTotalAllocatedBytes(true) - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sf-read --parse: {records:N0} records from {_pages.Count} kept pages ({_pages.Sum(p => p.Body.Length) / 1024.0 / 1024.0:0.0} MiB CSV) parsed {times}×: " +
            $"CPU {cpuMs / records * 1000:0.00} µs/record ({cpuMs / times:0} ms per read), wall {clock.Elapsed.TotalMilliseconds / times:0} ms per read, " +
            $"{(double)bytes / records:0} bytes allocated/record, {GC.CollectionCount(0) - gen0} gen0 GCs"));
    }
}
