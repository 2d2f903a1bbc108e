using System;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Lms.Connectors;

public class LmsConnectorFactoryTests
{
    [Theory]
    [InlineData(LmsKind.ISpring, "https://api-learn.ispringlearn.com", "client-id", typeof(ISpringConnector), 32)]
    [InlineData(LmsKind.SkyPrep, "https://api.skyprep.io", "acme.skyprepapp.com", typeof(SkyPrepConnector), 1)]
    [InlineData(LmsKind.Scim, "https://lms.example.com/scim/v2", null, typeof(ScimConnector), 16)]
    public void Builds_the_connector_of_each_kind(LmsKind kind, string url, string? account, Type expected, int concurrency)
    {
        using var connector = LmsConnectorFactory.Create(new LmsConnectionSettings { Kind = kind, Url = url, Account = account, Secret = SecureStrings.FromPlain("s3cret-value") });
        Assert.IsType(expected, connector);
        Assert.Equal(kind, connector.Capabilities.Kind);
        Assert.Equal(kind, connector.Catalog.Kind);
        Assert.Equal(concurrency, connector.MaxConcurrency);
    }

    [Fact]
    public void A_missing_url_names_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => LmsConnectorFactory.Create(new LmsConnectionSettings { Kind = LmsKind.Scim, Secret = SecureStrings.FromPlain("x") }));
        Assert.Contains("-LmsUrl", error.Message);
    }
}
