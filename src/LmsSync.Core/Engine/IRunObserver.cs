using System.Threading.Tasks;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// What a run tells its caller while it runs. The engine never calls these concurrently, so a cmdlet can queue
    /// them to its pipeline thread without locking; they may be called from any thread.
    /// </summary>
    public interface IRunObserver
    {
        /// <summary>One user's result, as soon as it is known.</summary>
        void OnResult(UserResult result);

        void OnProgress(SyncProgress progress);

        /// <summary>
        /// ShouldProcess for one row that writes to the LMS (<paramref name="action"/> names what it does, e.g.
        /// "Deactivate"; deactivations are high impact). Asked for every writing row, one at a time, after the guard
        /// passed and before the first write; a row answered false gets Status NotConfirmed.
        /// </summary>
        Task<bool> ConfirmAsync(PlanRow row, string action);
    }
}
