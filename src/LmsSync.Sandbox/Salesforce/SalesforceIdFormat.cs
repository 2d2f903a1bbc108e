using System;
using System.Text;

namespace LmsSync.Sandbox.Salesforce;

/// <summary>
/// The 15 → 18 character case-safe id form, for the ids this layer mints itself (the org id,
/// query locators). Record ids come from the org.
/// </summary>
internal static class SalesforceIdFormat
{
    private const string SuffixChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private const string BodyChars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Appends the three checksum characters: one per 5-character chunk, a bit per upper-case letter.</summary>
    public static string To18(string id15)
    {
        if (id15.Length != 15) throw new ArgumentException("A 15-character id is needed.", nameof(id15));
        var builder = new StringBuilder(id15, 18);
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                var c = id15[chunk * 5 + i];
                if (c is >= 'A' and <= 'Z') bits |= 1 << i;
            }
            builder.Append(SuffixChars[bits]);
        }
        return builder.ToString();
    }

    /// <summary>An 18-character id with the given 3-character prefix and a body derived from <paramref name="number"/>.</summary>
    public static string Make(string prefix, long number)
    {
        Span<char> body = stackalloc char[12];
        var n = (ulong)number;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            body[i] = BodyChars[(int)(n % (ulong)BodyChars.Length)];
            n /= (ulong)BodyChars.Length;
        }
        return To18(prefix + body.ToString());
    }
}
