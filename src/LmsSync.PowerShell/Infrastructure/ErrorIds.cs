namespace LmsSync.PowerShell.Infrastructure
{
    /// <summary>
    /// The stable FullyQualifiedErrorId prefixes users can catch on (PowerShell appends the cmdlet's type
    /// name: <c>SfLms.NotConnected,LmsSync.PowerShell.Cmdlets.InvokeSfLmsSyncCommand</c>). Never rename one.
    /// </summary>
    internal static class ErrorIds
    {
        public const string NotConnected = "SfLms.NotConnected";
        public const string ProfileNotFound = "SfLms.ProfileNotFound";
        public const string ProfileInvalid = "SfLms.ProfileInvalid";
        public const string MappingInvalid = "SfLms.MappingInvalid";
        public const string RuleInvalid = "SfLms.RuleInvalid";
        public const string SalesforceAuthenticationFailed = "SfLms.SalesforceAuthenticationFailed";
        public const string SalesforceRequestFailed = "SfLms.SalesforceRequestFailed";
        public const string SalesforceLimitExceeded = "SfLms.SalesforceLimitExceeded";
        public const string LmsAuthenticationFailed = "SfLms.LmsAuthenticationFailed";
        public const string LmsRequestFailed = "SfLms.LmsRequestFailed";
        public const string InsecureEndpoint = "SfLms.InsecureEndpoint";
        public const string RunInProgress = "SfLms.RunInProgress";
        public const string DeprovisionThresholdExceeded = "SfLms.DeprovisionThresholdExceeded";
        public const string SyncDisabled = "SfLms.SyncDisabled";
        public const string UserSyncFailed = "SfLms.UserSyncFailed";
        public const string UserNotFound = "SfLms.UserNotFound";
        public const string StateCorrupt = "SfLms.StateCorrupt";
        public const string ScheduleFailed = "SfLms.ScheduleFailed";
        public const string ScheduleInvalid = "SfLms.ScheduleInvalid";
        public const string ScheduleNotFound = "SfLms.ScheduleNotFound";
        public const string InvalidArgument = "SfLms.InvalidArgument";
        public const string RunFailed = "SfLms.RunFailed";
        public const string RunNotFound = "SfLms.RunNotFound";
        public const string ProfileScheduled = "SfLms.ProfileScheduled";
        public const string ProfileRemoveFailed = "SfLms.ProfileRemoveFailed";
        public const string ConnectionOptionNotApplicable = "SfLms.ConnectionOptionNotApplicable";
    }
}
