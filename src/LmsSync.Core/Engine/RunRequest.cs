using System.Collections.Generic;

namespace LmsSync.Core.Engine
{
    /// <summary>What one run applies.</summary>
    public sealed class RunRequest
    {
        /// <summary>
        /// Apply only the rows of these Salesforce users (piped users); null for all. Everyone is still planned so
        /// matching is right, and nobody is deactivated as missing in such a partial run.
        /// </summary>
        public IReadOnlyCollection<string>? OnlySalesforceIds { get; set; }

        /// <summary>Apply a plan even when its deactivations exceed MaxDeprovision (<c>-Force</c>).</summary>
        public bool Force { get; set; }

        /// <summary>
        /// Read every Salesforce user (a full reconcile, <c>-Full</c>) even when an incremental read would do. A run is
        /// also full when there is no watermark yet and when the last full run is older than FullReconcileEvery.
        /// </summary>
        public bool Full { get; set; }
    }
}
