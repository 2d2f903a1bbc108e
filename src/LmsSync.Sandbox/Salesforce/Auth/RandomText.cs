using System.Security.Cryptography;

namespace LmsSync.Sandbox.Salesforce.Auth;

/// <summary>Unguessable strings for generated credentials and tokens.</summary>
internal static class RandomText
{
    private const string AlphanumericChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Alphanumeric(int length) => RandomNumberGenerator.GetString(AlphanumericChars, length);

    public static string Digits(int length) => RandomNumberGenerator.GetString("0123456789", length);
}
