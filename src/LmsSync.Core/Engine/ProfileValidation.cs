using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Salesforce.Describe;
using LmsSync.Core.Sync.Validation;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// The two network halves of validating a profile, started together: the LMS check (sign-in and its field catalogue)
    /// and the Salesforce describe (sign-in included). Neither depends on the other; only the verdict needs both.
    /// </summary>
    internal sealed class ProfileValidation
    {
        private readonly SyncSession _session;
        private readonly Task<SObjectDescription> _describe;

        private ProfileValidation(SyncSession session, CancellationToken ct)
        {
            _session = session;
            LmsChecked = CheckLmsAsync(session, ct);
            _describe = DescribeAsync(session, ct);
        }

        /// <summary>The LMS check; once it is done the connector's catalogue and capabilities are settled, so the LMS may be read.</summary>
        public Task LmsChecked { get; }

        public static ProfileValidation Start(SyncSession session, CancellationToken ct) => new ProfileValidation(session, ct);

        /// <summary>
        /// Describe-based: every Salesforce field the mapping, rules and options name is real; mandatory LMS fields are
        /// mapped; LMS fields are known. When both halves fail, the LMS check's failure is the one thrown, as when the
        /// check ran first; the caller cancels and settles (<see cref="SettledAsync"/>) what is still running.
        /// </summary>
        public async Task<ValidationResult> ResultAsync()
        {
            await LmsChecked.ConfigureAwait(false);
            var description = await _describe.ConfigureAwait(false);
            var configuration = _session.Configuration;
            var fields = new SalesforceFieldSet(description.Name, description.Fields.Select(f => f.Name).Concat(description.RelationshipNames));
            return ProfileValidator.Validate(configuration.Mapping, _session.Lms.Catalog, _session.Lms.Capabilities, fields,
                configuration.Rules, configuration.Options);
        }

        /// <summary>Both halves ended, whatever their outcome (see <see cref="TaskFaults.SettledAsync"/>).</summary>
        public async Task SettledAsync()
        {
            await LmsChecked.SettledAsync().ConfigureAwait(false);
            await _describe.SettledAsync().ConfigureAwait(false);
        }

        /// <summary>The connector's check; async, so a failure before its first await is a faulted task like any other, never a throw.</summary>
        public static async Task CheckLmsAsync(SyncSession session, CancellationToken ct) =>
            await session.Lms.CheckAsync(ct).ConfigureAwait(false);

        private static async Task<SObjectDescription> DescribeAsync(SyncSession session, CancellationToken ct) =>
            await session.Salesforce.DescribeAsync(session.Configuration.Source.ObjectName, ct).ConfigureAwait(false);
    }
}
