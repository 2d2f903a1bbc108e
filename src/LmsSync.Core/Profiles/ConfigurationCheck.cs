using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Sync.Validation;
using Newtonsoft.Json;

namespace LmsSync.Core.Profiles
{
    /// <summary>What a configuration edit is about; validation reports only that part's problems.</summary>
    public enum ConfigurationPart
    {
        Mapping,
        Rules,
        Options,
    }

    /// <summary>
    /// Edits a live session's configuration safely: the edit runs on a copy, the copy is validated against the
    /// real Salesforce fields (describe of the source object) and the LMS's catalogue, and only a valid copy
    /// replaces the configuration the session uses.
    /// </summary>
    public static class ConfigurationCheck
    {
        public static SyncConfiguration Copy(SyncConfiguration configuration) =>
            JsonConvert.DeserializeObject<SyncConfiguration>(JsonConvert.SerializeObject(configuration),
                new JsonSerializerSettings { ObjectCreationHandling = ObjectCreationHandling.Replace })!;

        /// <summary>Validates <paramref name="configuration"/> in the session's context, keeping the problems of <paramref name="part"/>.</summary>
        public static async Task<ValidationResult> ValidateAsync(SyncSession session, SyncConfiguration configuration, ConfigurationPart part, CancellationToken cancellationToken)
        {
            var describe = await session.Salesforce.DescribeAsync(configuration.Source.ObjectName, cancellationToken).ConfigureAwait(false);
            var fields = new SalesforceFieldSet(describe.Name, describe.Fields.Select(f => f.Name)
                .Concat(describe.Fields.Where(f => f.RelationshipName != null).Select(f => f.RelationshipName!)));
            var result = ProfileValidator.Validate(configuration.Mapping, session.Lms.Catalog, session.Lms.Capabilities, fields,
                part == ConfigurationPart.Rules ? configuration.Rules : null,
                part == ConfigurationPart.Options ? configuration.Options : null);
            var prefix = part == ConfigurationPart.Mapping ? "mapping" : part == ConfigurationPart.Rules ? "rule" : "options";
            return new ValidationResult(result.Problems.Where(p => p.Subject.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList());
        }

        /// <summary>Puts the edited copy's content into the configuration the session holds (same object, new content).</summary>
        public static void CopyInto(SyncConfiguration edited, SyncConfiguration target)
        {
            target.Source = edited.Source;
            target.Mapping = edited.Mapping;
            target.Rules = edited.Rules;
            target.Scope = edited.Scope;
            target.Options = edited.Options;
        }
    }
}
