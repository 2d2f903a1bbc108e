using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Auth;
using LmsSync.Core.Salesforce.Query;
using LmsSync.Sandbox.Hosting;

namespace LmsSync.Benchmarks;

/// <summary>
/// sf-read: an in-process Sandbox with N Salesforce users (default 100,000); sign in with JWT, read every
/// user through the production client with a realistic field list, print users/s and wall time.
/// With <c>--bulk</c> the read goes through Bulk API 2.0 (one job, CSV pages of <c>--max-records</c> rows) instead of
/// REST; the job's status polls do not wait (the emulator finishes a job in two polls), so the figure is the client's
/// and the wire's cost, not Salesforce's job processing time.
/// With <c>--parse N</c> (Bulk only) the result pages are kept and parsed N more times from memory (<see cref="BulkPageCapture"/>).
/// Usage: <c>dotnet run -c Release --project tests/LmsSync.Benchmarks -- sf-read [--users N] [--batch N] [--bulk [--max-records N] [--parse N]]</c>.
/// </summary>
public sealed class SalesforceReadBenchmark : IBenchmarkScenario
{
    public string Name => "sf-read";

    public string Description => "Sign in with JWT and read every Sandbox user through the client (default 100,000).";

    public int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    /// <summary>What a typical mapping plus rules select (the Id, IsActive and SystemModstamp are added by the builder).</summary>
    public static readonly IReadOnlyList<string> Fields = new[]
    {
        "Username", "Email", "FirstName", "LastName", "Department", "Division", "CompanyName", "Title", "EmployeeNumber",
        "FederationIdentifier", "UserType", "Manager.Email", "Profile.Name", "UserRole.Name", "Hire_Date__c", "Termination_Date__c",
        "LastModifiedDate",
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var users = IntArg(args, "--users", 100_000);
        var batch = IntArg(args, "--batch", 2000);
        var bulk = Array.IndexOf(args, "--bulk") >= 0;
        var maxRecords = IntArg(args, "--max-records", 50_000);
        var parse = bulk ? IntArg(args, "--parse", 0) : 0;
        var capture = parse > 0 ? new BulkPageCapture() : null;

        var started = Stopwatch.StartNew();
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Users = users });
        Console.WriteLine($"sf-read: Sandbox with {users:N0} users up in {started.Elapsed.TotalSeconds:0.00} s");

        var section = host.Info["salesforce"] ?? throw new InvalidOperationException("The Sandbox has no Salesforce emulator.");
        string Setting(string name) => (string?)section[name] ?? throw new InvalidOperationException($"sandbox.json salesforce.{name} is missing.");

        using var password = Secure(Setting("certificatePassword"));
        using var credential = JwtBearerCredential.FromPfxFile(Setting("username"), Setting("certificatePath"), password);
        using var client = new SalesforceClient(new SalesforceSettings
        {
            LoginUrl = Setting("loginUrl"),
            ClientId = Setting("clientId"),
            ApiVersion = Setting("apiVersion"),
            Credential = credential,
            BatchSize = batch,
            BulkQuery = { MaxRecords = maxRecords, Delay = (_, _) => Task.CompletedTask },
            NetworkHandler = capture,
        });

        var clock = Stopwatch.StartNew();
        await client.ConnectAsync();
        var mark = host.Context.Requests.Mark;
        var connected = clock.Elapsed;

        var query = new SourceQueryBuilder(SourceObject.User) { StandardUsersOnly = false }.AddFields(Fields);
        IRecordPageReader reader = bulk ? await client.QuerySourceBulkAsync(query) : await client.QuerySourceAsync(query);
        var ready = clock.Elapsed - connected;
        long read = 0, managers = 0, pages = 0;
        IReadOnlyList<SalesforceRecord>? page;
        while ((page = await reader.ReadPageAsync(CancellationToken.None)) != null)
        {
            pages++;
            foreach (var user in page)
            {
                read++;
                if (user["Manager.Email"] != null) managers++;
            }
        }
        clock.Stop();

        var seconds = clock.Elapsed.TotalSeconds;
        // The emulator's own time per request (routing, SOQL, JSON writing), to tell server from client cost.
        var serverMs = 0.0;
        foreach (var request in host.Context.Requests.Since(mark)) serverMs += request.DurationMs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sf-read ({(bulk ? "Bulk API 2.0" : "REST")}): {read:N0} users ({managers:N0} with a manager) in {pages} pages, complete={reader.IsComplete}; " +
            $"sign-in + check {connected.TotalMilliseconds:0} ms; {(bulk ? "job create + polls" : "first page")} {ready.TotalMilliseconds:0} ms; " +
            $"wall {seconds:0.00} s; {read / seconds:N0} users/s; " +
            $"emulator time {serverMs / 1000:0.00} s; API usage {client.ApiUsage}"));
        if (capture != null) await capture.MeasureAsync(client, query, parse);
        return reader.IsComplete ? 0 : 1;
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
