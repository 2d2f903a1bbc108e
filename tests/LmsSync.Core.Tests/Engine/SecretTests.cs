using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Sync;
using Newtonsoft.Json;

namespace LmsSync.Core.Tests.Engine;

public sealed class EngineSecretTests
{
    [Fact]
    public async Task No_output_file_or_error_of_a_run_contains_a_secret_or_an_issued_token()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 20);
        var texts = new List<string>();
        var (summary, observer) = await sandbox.RunAsync(sandbox.Engine(LmsKind.ISpring));
        Assert.Equal(RunStatus.Succeeded, summary.Status);
        texts.Add(JsonConvert.SerializeObject(summary));
        texts.AddRange(observer.Results.Select(r => JsonConvert.SerializeObject(r)));
        // A failing run's message too (refused credentials).
        var (failed, _) = await sandbox.RunAsync(sandbox.Engine(LmsKind.ISpring, iSpring: o => o.ClientSecret = LmsSync.Core.Storage.SecureStrings.FromPlain("not-the-secret")));
        Assert.Equal(RunStatus.Failed, failed.Status);
        texts.Add(JsonConvert.SerializeObject(failed));
        foreach (var file in Directory.GetFiles(sandbox.Paths.Folder, "*", SearchOption.AllDirectories)) texts.Add(File.ReadAllText(file));

        var secrets = sandbox.Secrets().Concat(IssuedTokens(sandbox.Salesforce.Tokens)).Concat(IssuedTokens(sandbox.ISpring.Auth)).Where(s => !string.IsNullOrEmpty(s) && s.Length >= 8).ToList();
        Assert.NotEmpty(secrets);
        foreach (var text in texts)
            foreach (var secret in secrets)
                Assert.DoesNotContain(secret, text);
    }

    /// <summary>The tokens an emulator issued (its private token table, read by reflection: test-only).</summary>
    private static IEnumerable<string> IssuedTokens(object store)
    {
        foreach (var field in store.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic))
            if (field.GetValue(store) is IDictionary table)
                foreach (var key in table.Keys)
                    if (key is string token) yield return token;
    }
}
