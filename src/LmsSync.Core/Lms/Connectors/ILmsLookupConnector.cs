using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// A connector that can read only the LMS users that could match a given set of people (filtered list calls),
    /// instead of every user. Optional: an incremental run that finds it reads the changed Salesforce users first
    /// and then looks up just their possible matches; every other run reads the whole LMS.
    /// </summary>
    public interface ILmsLookupConnector
    {
        /// <summary>
        /// Every group and department (read as <see cref="ILmsConnector.ReadAsync"/> does, starting at once) and the
        /// users that match any key of <paramref name="lookup"/> once it is known: by LMS id, by the Salesforce Id the
        /// LMS keeps, by email, by login. The snapshot's <see cref="LmsSnapshot.UsersComplete"/> is false, unless the
        /// lookup asks for everyone (<see cref="LmsLookup.ReadsEveryone"/>) or the LMS cannot filter and all users were read.
        /// A failed <paramref name="lookup"/> fails the read with its own exception.
        /// </summary>
        Task<LmsSnapshot> ReadMatchingAsync(Task<LmsLookup> lookup, CancellationToken cancellationToken);
    }
}
