using System;
using System.IO;
using System.Net.Http;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Core.Lms.Scim;
using LmsSync.Core.Profiles;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Profiles;

/// <summary>
/// The profile's LMS option MaxConcurrency (the ceiling of the adaptive limit on requests in flight), and the
/// connections per host the clients' own network handler allows (at least that ceiling: Windows PowerShell's
/// .NET Framework would otherwise allow 2).
/// </summary>
public sealed class LmsConcurrencyOptionTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "lmssync-concurrency-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static LmsProfile Lms(LmsKind kind, string? maxConcurrency)
    {
        var lms = new LmsProfile { Kind = kind, Url = "https://lms.example.com/scim/v2", UserName = "client-id-1" };
        if (maxConcurrency != null) lms.Options["maxconcurrency"] = maxConcurrency; // names are case-insensitive
        return lms;
    }

    private static ILmsConnector Create(LmsProfile lms) => LmsConnectors.Create(lms, SecureStrings.FromPlain("lms-secret-Q1"), NullActivityLog.Instance);

    [Theory]
    [InlineData(LmsKind.ISpring)]
    [InlineData(LmsKind.Scim)]
    public void The_option_sets_the_ceiling_of_the_limit_and_the_engine_s_workers(LmsKind kind)
    {
        using var connector = Create(Lms(kind, " 24 "));

        Assert.Equal(24, connector.MaxConcurrency);
        var limit = connector is ISpringConnector iSpring ? iSpring.Concurrency : ((ScimConnector)connector).Concurrency;
        Assert.Equal(24, limit.Ceiling);
    }

    [Theory]
    [InlineData(LmsKind.ISpring, 32)]
    [InlineData(LmsKind.Scim, 16)]
    public void Without_the_option_the_ceiling_is_the_client_s_default(LmsKind kind, int ceiling)
    {
        using var connector = Create(Lms(kind, null));

        Assert.Equal(ceiling, connector.MaxConcurrency);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("-3")]
    [InlineData("8.5")]
    [InlineData("lots")]
    public void Out_of_range_or_not_a_whole_number_is_refused_naming_the_option(string value)
    {
        var error = Assert.Throws<ProfileException>(() => Create(Lms(LmsKind.ISpring, value)));

        Assert.Equal(ProfileErrorKind.Invalid, error.Kind);
        Assert.Contains("MaxConcurrency", error.Message);
        Assert.Contains("64", error.Message);
    }

    [Fact]
    public void The_bounds_themselves_are_accepted()
    {
        using var one = Create(Lms(LmsKind.Scim, "1"));
        using var most = Create(Lms(LmsKind.Scim, "64"));

        Assert.Equal(1, one.MaxConcurrency);
        Assert.Equal(64, most.MaxConcurrency);
    }

    [Fact]
    public void SkyPrep_refuses_it_because_its_calls_go_one_at_a_time()
    {
        var lms = Lms(LmsKind.SkyPrep, "8");
        lms.Url = "https://api.skyprep.io";

        var error = Assert.Throws<ProfileException>(() => Create(lms));

        Assert.Contains("SkyPrep", error.Message);
        Assert.Contains("MaxConcurrency", error.Message);
    }

    [Fact]
    public void The_option_round_trips_through_a_saved_profile()
    {
        var store = new ProfileStore(new LmsSyncPaths(_root));
        var profile = SfLmsProfile.New("acme",
            new SalesforceProfile { Url = "https://acme.my.salesforce.com", ClientId = "3MVG9", SignIn = SalesforceSignIn.ClientCredentials },
            Lms(LmsKind.ISpring, "32"));
        store.Save(profile, null);

        var loaded = store.Load("acme");
        using var connector = Create(loaded.Lms);

        Assert.Contains(loaded.Lms.Options, o => o.Key.Equals("MaxConcurrency", StringComparison.OrdinalIgnoreCase) && o.Value == "32");
        Assert.Equal(32, connector.MaxConcurrency);
    }

    [Theory]
    [InlineData(24, 24)]
    [InlineData(32, 32)]
    [InlineData(1, 2)] // never below .NET Framework's default of 2
    public void The_iSpring_connector_s_network_handler_allows_as_many_connections_as_requests_in_flight(int ceiling, int connections)
    {
        var options = new ISpringClientOptions
        {
            BaseUrl = "https://api-learn.ispringlearn.com",
            ClientId = "client-id-1",
            ClientSecret = SecureStrings.FromPlain("lms-secret-Q1"),
            MaxConcurrentRequests = ceiling,
        };

        using var connector = new ISpringConnector(options);

        Assert.Equal(connections, NetworkHandlerOf(options.InnerHandler).MaxConnectionsPerServer);
    }

    [Fact]
    public void The_SCIM_connector_s_network_handler_allows_as_many_connections_as_requests_in_flight()
    {
        var options = new ScimClientOptions { BaseUrl = "https://lms.example.com/scim/v2", Token = SecureStrings.FromPlain("token-Q1"), MaxConcurrency = 40 };

        using var connector = new ScimConnector(options);

        Assert.Equal(40, NetworkHandlerOf(options.InnerHandler).MaxConnectionsPerServer);
    }

    /// <summary>The handler at the bottom of the chain the connector built (under its call counter).</summary>
    private static HttpClientHandler NetworkHandlerOf(HttpMessageHandler? handler)
    {
        while (handler is DelegatingHandler delegating) handler = delegating.InnerHandler;
        return Assert.IsType<HttpClientHandler>(handler);
    }
}
