using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("LmsSync.PowerShell.Tests")]
