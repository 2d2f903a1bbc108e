using System.Collections.Generic;
using LmsSync.Core.Mapping;
using LmsSync.Core.Rules;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>Everything a profile says about what to sync and how. JSON-serialisable (it lives in the profile file); never holds a secret.</summary>
    public sealed class SyncConfiguration
    {
        public SourceSettings Source { get; set; } = new SourceSettings();
        public SyncMapping Mapping { get; set; } = new SyncMapping();
        public List<ImportRule> Rules { get; set; } = new List<ImportRule>();
        public ImportScope? Scope { get; set; }
        public SyncOptions Options { get; set; } = new SyncOptions();
    }
}
