using System;
using System.IO;
using LmsSync.Core.Engine;
using LmsSync.Core.Mapping;
using LmsSync.Core.Profiles;
using LmsSync.Core.Rules;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Profiles;

public sealed class ProfileStoreTests : IDisposable
{
    private const string SfSecret = "sf-client-secret-Zq81";
    private const string LmsSecret = "lms-api-key-Xy77";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "lmssync-profiles-" + Guid.NewGuid().ToString("N"));
    private readonly ProfileStore _store;

    public ProfileStoreTests() => _store = new ProfileStore(new LmsSyncPaths(_root));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static SfLmsProfile Sample(string name = "acme")
    {
        var profile = SfLmsProfile.New(name,
            new SalesforceProfile { Url = "https://acme.my.salesforce.com", ClientId = "3MVG9", SignIn = SalesforceSignIn.ClientCredentials },
            new LmsProfile { Kind = LmsKind.ISpring, Url = "https://api-learn.ispringlearn.com", UserName = "client-id-1" });
        profile.Sync.Rules.Add(new ImportRule { Name = "internal", Conditions = { new RuleCondition("CompanyName", RuleOperator.Contains, "SkyPrep") } });
        profile.Sync.Options.DeactivateMissingUsers = true;
        profile.Sync.Options.MaxDeprovision = DeprovisionLimit.Count(25);
        return profile;
    }

    private static ProfileSecrets Secrets() => new()
    {
        SalesforceClientSecret = SecureStrings.FromPlain(SfSecret),
        LmsSecret = SecureStrings.FromPlain(LmsSecret),
    };

    [Fact]
    public void A_saved_profile_loads_back_with_its_settings_and_secrets()
    {
        _store.Save(Sample(), Secrets());

        var loaded = _store.Load("acme");
        var secrets = _store.LoadSecrets("acme");

        Assert.Equal("https://acme.my.salesforce.com", loaded.Salesforce.Url);
        Assert.Equal(SalesforceSignIn.ClientCredentials, loaded.Salesforce.SignIn);
        Assert.Equal(LmsKind.ISpring, loaded.Lms.Kind);
        Assert.Equal("client-id-1", loaded.Lms.UserName);
        Assert.Equal("internal", Assert.Single(loaded.Sync.Rules).Name);
        Assert.True(loaded.Sync.Options.DeactivateMissingUsers);
        Assert.Equal("25", loaded.Sync.Options.MaxDeprovision.ToString());
        Assert.Equal(LmsFieldCatalog_DefaultFieldCount(LmsKind.ISpring), loaded.Sync.Mapping.Fields.Count);
        Assert.Equal(SfSecret, SecureStrings.ToPlain(secrets.SalesforceClientSecret!));
        Assert.Equal(LmsSecret, SecureStrings.ToPlain(secrets.LmsSecret!));
        Assert.Null(secrets.SalesforceRefreshToken);
    }

    private static int LmsFieldCatalog_DefaultFieldCount(LmsKind kind) => LmsSync.Core.Lms.LmsFieldCatalog.DefaultMapping(kind).Fields.Count;

    [Fact]
    public void Profile_json_is_indented_and_holds_no_secret()
    {
        _store.Save(Sample(), Secrets());

        var json = File.ReadAllText(_store.PathsOf("acme").Settings);

        Assert.Contains("\n  \"Salesforce\"", json.Replace("\r\n", "\n"));
        Assert.DoesNotContain(SfSecret, json);
        Assert.DoesNotContain(LmsSecret, json);
        Assert.DoesNotContain("Secret", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Saving_without_secrets_keeps_the_saved_ones()
    {
        _store.Save(Sample(), Secrets());
        var profile = _store.Load("acme");
        profile.Sync.Options.SendWelcomeEmail = true;

        _store.Save(profile, secrets: null);

        Assert.True(_store.Load("acme").Sync.Options.SendWelcomeEmail);
        Assert.Equal(LmsSecret, SecureStrings.ToPlain(_store.LoadSecrets("acme").LmsSecret!));
    }

    [Fact]
    public void A_broken_profile_file_is_an_Invalid_error_naming_the_file()
    {
        _store.Save(Sample(), Secrets());
        var path = _store.PathsOf("acme").Settings;
        File.WriteAllText(path, File.ReadAllText(path).Substring(0, 40));

        var error = Assert.Throws<ProfileException>(() => _store.Load("acme"));

        Assert.Equal(ProfileErrorKind.Invalid, error.Kind);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_wrongly_typed_value_is_an_Invalid_error()
    {
        _store.Save(Sample(), Secrets());
        var path = _store.PathsOf("acme").Settings;
        File.WriteAllText(path, "{ \"Lms\": { \"Kind\": \"Moodle\" } }");

        Assert.Equal(ProfileErrorKind.Invalid, Assert.Throws<ProfileException>(() => _store.Load("acme")).Kind);
    }

    [Fact]
    public void A_missing_profile_is_NotFound_and_lists_the_saved_ones()
    {
        _store.Save(Sample("one"), Secrets());

        var error = Assert.Throws<ProfileException>(() => _store.Load("two"));

        Assert.Equal(ProfileErrorKind.NotFound, error.Kind);
        Assert.Contains("one", error.Message);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    [InlineData("a b")]
    [InlineData("")]
    public void Names_that_cannot_be_a_folder_are_refused(string name)
    {
        Assert.Equal(ProfileErrorKind.Invalid, Assert.Throws<ProfileException>(() => _store.Exists(name)).Kind);
    }

    [Fact]
    public void List_Exists_and_Remove()
    {
        _store.Save(Sample("beta"), Secrets());
        _store.Save(Sample("Alpha"), Secrets());
        File.WriteAllText(_store.PathsOf("beta").HistoryFile, "");

        Assert.Equal(new[] { "Alpha", "beta" }, _store.List());
        Assert.True(_store.Exists("beta"));
        _store.Remove("beta");
        Assert.False(_store.Exists("beta"));
        Assert.False(Directory.Exists(_store.PathsOf("beta").Folder));
        Assert.Equal(ProfileErrorKind.NotFound, Assert.Throws<ProfileException>(() => _store.Remove("beta")).Kind);
        Assert.Equal(new[] { "Alpha" }, _store.List());
        Assert.Single(Directory.GetDirectories(_store.Paths.ProfilesRoot));
    }

    [Fact]
    public void LMS_options_are_found_in_any_case_after_a_save_and_load()
    {
        var profile = Sample("acme");
        profile.Lms.Options["maxconcurrency"] = "8";
        _store.Save(profile, Secrets());

        var options = _store.Load("acme").Lms.Options;

        Assert.Equal("8", options["MaxConcurrency"]);
        Assert.True(options.ContainsKey("MAXCONCURRENCY"));
    }

    [Fact]
    public void A_broken_profile_can_be_removed()
    {
        _store.Save(Sample("broken"), Secrets());
        File.WriteAllText(_store.PathsOf("broken").Settings, "{ not json");
        Assert.Throws<ProfileException>(() => _store.Load("broken"));

        _store.Remove("broken");

        Assert.Empty(_store.List());
    }

    [Fact]
    public void A_profile_whose_run_holds_the_lock_is_not_removed()
    {
        _store.Save(Sample("busy"), Secrets());
        var paths = _store.PathsOf("busy");
        using (RunLock.Acquire(paths, "busy", "run-1", DateTimeOffset.UtcNow))
        {
            var error = Assert.Throws<RunLockedException>(() => _store.Remove("busy"));
            Assert.Contains("run-1", error.Message);
        }

        Assert.True(File.Exists(paths.Settings));
        Assert.True(File.Exists(paths.Secrets));
        _store.Remove("busy");
        Assert.Empty(_store.List());
    }

    [Fact]
    public void A_folder_left_by_an_unfinished_removal_is_not_listed()
    {
        _store.Save(Sample("gone"), Secrets());
        Directory.Move(_store.PathsOf("gone").Folder, Path.Combine(_store.Paths.ProfilesRoot, ".gone.removing-0123"));

        Assert.Empty(_store.List());
    }

    [Fact]
    public void A_saved_profile_summary_shows_where_it_connects_and_its_last_run_but_no_secret()
    {
        var profile = Sample("acme");
        profile.Sync.Options.Enabled = false;
        _store.Save(profile, Secrets());
        var paths = _store.PathsOf("acme");
        var history = new JsonLinesFile<RunSummary>(paths.HistoryFile);
        history.Append(new RunSummary { RunId = "r1", Started = new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero), Status = RunStatus.Failed });
        history.Append(new RunSummary { RunId = "r2", Started = new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero), Status = RunStatus.Succeeded });

        var summary = SavedProfile.From(_store.Load("acme"), paths);
        var before = SavedProfile.From(Sample("new"), _store.PathsOf("new"));

        Assert.Equal(("acme", "https://acme.my.salesforce.com", SalesforceSignIn.ClientCredentials, LmsKind.ISpring, "https://api-learn.ispringlearn.com"),
            (summary.Name, summary.SalesforceUrl, summary.SignIn, summary.LmsType, summary.LmsUrl));
        Assert.False(summary.Enabled);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero), summary.LastRun);
        Assert.Equal(RunStatus.Succeeded, summary.LastStatus);
        Assert.Equal(paths.Folder, summary.Folder);
        Assert.Null(before.LastRun);
        Assert.Null(before.LastStatus);
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(summary);
        Assert.DoesNotContain(SfSecret, json);
        Assert.DoesNotContain(LmsSecret, json);
    }

    [Fact]
    public void A_reconnect_keeps_the_saved_configuration_of_the_same_LMS_kind()
    {
        _store.Save(Sample(), Secrets());
        var fresh = SfLmsProfile.New("acme", new SalesforceProfile { Url = "https://acme.my.salesforce.com", ClientId = "new" },
            new LmsProfile { Kind = LmsKind.ISpring, Url = "https://api-learn.ispringlearn.eu" });

        Assert.True(_store.KeepConfigurationOf(fresh));
        Assert.Equal("internal", Assert.Single(fresh.Sync.Rules).Name);

        var otherKind = SfLmsProfile.New("acme", new SalesforceProfile(), new LmsProfile { Kind = LmsKind.Scim, Url = "https://scim.example.com" });
        Assert.False(_store.KeepConfigurationOf(otherKind));
        Assert.Empty(otherKind.Sync.Rules);
    }

    [Fact]
    public void The_default_store_honours_LMSSYNC_HOME()
    {
        var before = Environment.GetEnvironmentVariable(LmsSyncPaths.HomeVariable);
        try
        {
            Environment.SetEnvironmentVariable(LmsSyncPaths.HomeVariable, _root);
            Assert.Equal(Path.GetFullPath(_root), ProfileStore.Default().Paths.Root);
        }
        finally
        {
            Environment.SetEnvironmentVariable(LmsSyncPaths.HomeVariable, before);
        }
    }

    [Theory]
    [InlineData("http://lms.example.com", ProfileErrorKind.InsecureEndpoint)]
    [InlineData("not a url", ProfileErrorKind.Invalid)]
    [InlineData("", ProfileErrorKind.Invalid)]
    public void Urls_must_be_https_except_to_this_machine(string url, ProfileErrorKind expected)
    {
        var profile = Sample();
        profile.Lms.Url = url;

        Assert.Equal(expected, Assert.Throws<ProfileException>(() => ProfileChecks.RequireSecureUrls(profile)).Kind);
        profile.Lms.Url = "http://127.0.0.1:5000/scim";
        ProfileChecks.RequireSecureUrls(profile);
    }
}
