namespace LmsSync.Core.Diagnostics
{
    /// <summary>
    /// Where Core says what it is doing. The cmdlets route it to Write-Verbose / Write-Warning;
    /// nothing written here may ever contain a secret.
    /// </summary>
    public interface IActivityLog
    {
        void Verbose(string message);

        void Warning(string message);
    }

    /// <summary>Discards everything: the default when nobody is listening.</summary>
    public sealed class NullActivityLog : IActivityLog
    {
        public static readonly NullActivityLog Instance = new NullActivityLog();

        private NullActivityLog()
        {
        }

        public void Verbose(string message)
        {
        }

        public void Warning(string message)
        {
        }
    }
}
