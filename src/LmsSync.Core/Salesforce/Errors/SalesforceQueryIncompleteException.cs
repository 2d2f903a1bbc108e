namespace LmsSync.Core.Salesforce.Errors
{
    /// <summary>
    /// A query ended with a different number of rows than Salesforce said it had (<c>totalSize</c>).
    /// Never ignored: a sync that took a short read for the whole org would deactivate people who are
    /// still there.
    /// </summary>
    public sealed class SalesforceQueryIncompleteException : SalesforceException
    {
        public SalesforceQueryIncompleteException(string message, long expected, long read) : base(message)
        {
            Expected = expected;
            Read = read;
        }

        public long Expected { get; }

        public long Read { get; }
    }
}
