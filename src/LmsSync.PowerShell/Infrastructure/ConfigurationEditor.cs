using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Profiles;

namespace LmsSync.PowerShell.Infrastructure
{
    /// <summary>
    /// Runs one configuration edit of the current connection: on a copy, validated (every problem listed in one
    /// terminating error), then applied, and saved when the connection has a saved profile.
    /// </summary>
    internal static class ConfigurationEditor
    {
        public static async Task<T> EditAsync<T>(ActiveConnection connection, ConfigurationPart part, Func<SyncConfiguration, T> edit,
            PipelineQueue queue, CancellationToken cancellationToken)
        {
            var copy = ConfigurationCheck.Copy(connection.Session.Configuration);
            T result;
            try
            {
                result = edit(copy);
            }
            catch (ArgumentException e)
            {
                throw new SfLmsErrorException(ErrorIdOf(part), ErrorCategory.InvalidArgument, e.Message);
            }
            var validation = await ConfigurationCheck.ValidateAsync(connection.Session, copy, part, cancellationToken).ConfigureAwait(false);
            foreach (var warning in validation.Warnings) queue.WriteWarning(warning.ToString());
            if (!validation.IsValid)
                throw new SfLmsErrorException(ErrorIdOf(part), ErrorCategory.InvalidData, validation.Describe() + " Nothing was changed.");
            ConfigurationCheck.CopyInto(copy, connection.Session.Configuration);
            if (connection.Saved)
            {
                ProfileStore.Default().Save(connection.Profile, secrets: null);
                queue.WriteVerbose($"Saved the {part.ToString().ToLowerInvariant()} change to profile '{connection.Profile.Name}'.");
            }
            else
            {
                queue.WriteVerbose($"Changed the {part.ToString().ToLowerInvariant()} of this connection only (profile '{connection.Profile.Name}' is not saved; connect with -Save to keep it).");
            }
            return result;
        }

        private static string ErrorIdOf(ConfigurationPart part) =>
            part == ConfigurationPart.Mapping ? ErrorIds.MappingInvalid
            : part == ConfigurationPart.Rules ? ErrorIds.RuleInvalid
            : ErrorIds.InvalidArgument;
    }
}
