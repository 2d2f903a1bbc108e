using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Profiles;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;
using LmsSync.Core.Tests.Salesforce;
using LmsSync.Sandbox.Hosting;

namespace LmsSync.Core.Tests.Profiles;

/// <summary>
/// Changing a profile's LMS connection options without its secrets: an open session gets a rebuilt, checked LMS connector
/// (over real HTTP to the in-process Sandbox) and keeps its Salesforce sign-in; a saved profile's file is rewritten only
/// for a change that passes; a refused one leaves profile, file and session as they were.
/// </summary>
public sealed class ConnectionOptionUpdateTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lmssync-connopts-" + Guid.NewGuid().ToString("N"));
    private SandboxHost _host = null!;
    private ProfileStore _store = null!;
    private string InfoPath => Path.Combine(_folder, "sandbox.json");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _host = await SandboxHost.StartAsync(new SandboxOptions { Users = 20, InfoPath = InfoPath });
        _store = new ProfileStore(new LmsSyncPaths(Path.Combine(_folder, "home")));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(SfLmsProfile Profile, ProfileSecrets Secrets, SyncSession Session)> OpenSavedAsync(LmsKind kind)
    {
        var profile = SandboxProfile.FromInfoFile(InfoPath, kind, "acme", out var secrets);
        _store.Save(profile, secrets);
        var session = await SessionFactory.OpenAsync(profile, secrets, new RecordingLog(), CancellationToken.None, new SessionOptions { Paths = _store.Paths });
        return (profile, secrets, session);
    }

    private string SavedText() => File.ReadAllText(_store.PathsOf("acme").Settings);

    private long Mark() => _host.Context.Requests.Mark;

    private int Requests(long since, Func<string, bool> path) => _host.Context.Requests.Since(since).Count(r => path(r.Path));

    [Fact]
    public async Task An_open_session_gets_a_rebuilt_checked_LMS_connector_and_keeps_its_Salesforce_sign_in()
    {
        var (profile, secrets, session) = await OpenSavedAsync(LmsKind.ISpring);
        using var _ = session;
        var mark = Mark();

        var rebuilt = await ConnectionOptionUpdate.ApplyAsync(profile, secrets, session,
            new ConnectionOptionChange { SalesforceIdField = "Salesforce Id", MaxConcurrency = 8 }, _store, CancellationToken.None);

        Assert.NotSame(session.Lms, rebuilt.Lms);
        Assert.Same(session.Salesforce, rebuilt.Salesforce);
        Assert.Same(session.Configuration, rebuilt.Configuration);
        Assert.Equal(8, rebuilt.Lms.MaxConcurrency);
        Assert.Equal(LmsSync.Sandbox.ISpring.ISpringStore.SalesforceIdFieldName, rebuilt.Lms.Capabilities.SalesforceIdField); // the label, resolved by the check
        Assert.True(Requests(mark, p => p.EndsWith("/user/profile/fields", StringComparison.Ordinal)) > 0);
        Assert.Equal(0, Requests(mark, p => p.Contains("/services/oauth2/token")));
        Assert.Equal("8", profile.Lms.Options[ConnectionOptionNames.MaxConcurrency]);
        Assert.Equal(8, ConnectionOptionSettings.From("acme", _store.Load("acme").Lms).MaxConcurrency);
        rebuilt.Lms.Dispose();
    }

    [Fact]
    public async Task A_preview_started_after_the_change_goes_through_the_rebuilt_connector()
    {
        var (profile, secrets, session) = await OpenSavedAsync(LmsKind.Scim);
        using var _ = session;
        using var rebuilt = await ConnectionOptionUpdate.ApplyAsync(profile, secrets, session, new ConnectionOptionChange { MaxConcurrency = 2 }, _store, CancellationToken.None);
        var (oldReads, newReads) = (session.Lms.Calls.Reads, rebuilt.Lms.Calls.Reads);

        var preview = await new SyncEngine(rebuilt).PreviewAsync(new PreviewRequest(), null, CancellationToken.None);

        Assert.NotEmpty(preview.Rows);
        Assert.Equal(2, rebuilt.Lms.MaxConcurrency);
        Assert.True(rebuilt.Lms.Calls.Reads > newReads);
        Assert.Equal(oldReads, session.Lms.Calls.Reads);
    }

    [Fact]
    public async Task A_field_the_LMS_lacks_fails_the_check_and_changes_nothing()
    {
        var (profile, secrets, session) = await OpenSavedAsync(LmsKind.ISpring);
        using var _ = session;
        var lms = profile.Lms;
        var saved = SavedText();

        var error = await Assert.ThrowsAsync<LmsConnectorException>(() => ConnectionOptionUpdate.ApplyAsync(profile, secrets, session,
            new ConnectionOptionChange { SalesforceIdField = "No Such Field", MaxConcurrency = 8 }, _store, CancellationToken.None));

        Assert.Contains("No Such Field", error.Message);
        Assert.Contains("Salesforce Id", error.Message); // the fields the account has
        Assert.Same(lms, profile.Lms);
        Assert.Empty(profile.Lms.Options);
        Assert.Equal(saved, SavedText());
        await session.Lms.CheckAsync(CancellationToken.None); // the session's own connector is still open
    }

    [Fact]
    public async Task An_option_the_LMS_does_not_read_is_refused_before_any_request()
    {
        var (profile, secrets, session) = await OpenSavedAsync(LmsKind.Scim);
        using var _ = session;
        var saved = SavedText();
        var mark = Mark();

        var error = await Assert.ThrowsAsync<ProfileException>(() => ConnectionOptionUpdate.ApplyAsync(profile, secrets, session,
            new ConnectionOptionChange { AdministratorGroup = "LMS Administrators", CustomLabels = new[] { "Region" } }, _store, CancellationToken.None));

        Assert.Equal(ProfileErrorKind.OptionNotApplicable, error.Kind);
        Assert.Empty(_host.Context.Requests.Since(mark));
        Assert.Empty(profile.Lms.Options);
        Assert.Equal(saved, SavedText());
    }

    [Fact]
    public async Task A_connection_that_is_not_saved_changes_in_memory_only()
    {
        var profile = SandboxProfile.FromInfoFile(InfoPath, LmsKind.Scim, "unsaved", out var secrets);
        using var session = await SessionFactory.OpenAsync(profile, secrets, new RecordingLog(), CancellationToken.None, new SessionOptions { Paths = _store.Paths });

        using var rebuilt = await ConnectionOptionUpdate.ApplyAsync(profile, secrets, session, new ConnectionOptionChange { MaxConcurrency = 3 }, store: null, CancellationToken.None);

        Assert.Equal(3, rebuilt.Lms.MaxConcurrency);
        Assert.Equal("3", profile.Lms.Options[ConnectionOptionNames.MaxConcurrency]);
        Assert.False(_store.Exists("unsaved"));
    }

    [Fact]
    public void A_saved_profile_that_is_not_open_is_changed_in_its_file_only_when_the_change_passes()
    {
        var profile = SandboxProfile.FromInfoFile(InfoPath, LmsKind.SkyPrep, "acme", out var secrets);
        _store.Save(profile, secrets);
        var mark = Mark();

        var shown = ConnectionOptionUpdate.Save(_store, "acme", new ConnectionOptionChange { CustomLabels = new[] { "Region", "Cost Centre" } });
        var saved = SavedText();
        var refused = Assert.Throws<ProfileException>(() => ConnectionOptionUpdate.Save(_store, "acme", new ConnectionOptionChange { MaxConcurrency = 8 }));
        var missing = Assert.Throws<ProfileException>(() => ConnectionOptionUpdate.Save(_store, "other", new ConnectionOptionChange { MaxConcurrency = 8 }));

        Assert.Equal(new[] { "Region", "Cost Centre" }, shown.CustomLabels);
        Assert.Equal(new[] { "Region", "Cost Centre" }, ConnectionOptionSettings.From("acme", _store.Load("acme").Lms).CustomLabels);
        Assert.Equal(ProfileErrorKind.OptionNotApplicable, refused.Kind);
        Assert.Equal(saved, SavedText());
        Assert.Equal(ProfileErrorKind.NotFound, missing.Kind);
        Assert.Empty(_host.Context.Requests.Since(mark));
    }
}
