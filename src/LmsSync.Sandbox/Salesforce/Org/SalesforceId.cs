using System;
using System.Diagnostics.CodeAnalysis;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>
/// Salesforce record ids. A 15-character id is case-sensitive; the 18-character form appends three
/// characters that encode which of the 15 are upper case, so the id survives case-insensitive
/// systems. The emulator's ids are <c>prefix + "D0" + "0" + 9 base-62 digits of a per-object
/// sequence</c>, so the sequence (and the row's position) can be read back from the id itself.
/// </summary>
public static class SalesforceId
{
    private const string SuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    // Base 62 in ASCII order, so ids of one object sort by creation under an ordinal comparison.
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string PodAndReserved = "D00";
    private const int SequenceStart = 6;
    private const int SequenceLength = 9;

    /// <summary>Appends the case-safe suffix to a 15-character id.</summary>
    public static string To18(string id15)
    {
        if (id15.Length != 15 || !IsAlphanumeric(id15))
        {
            throw new ArgumentException($"'{id15}' is not a 15-character Salesforce id.", nameof(id15));
        }

        return id15 + Suffix(id15);
    }

    /// <summary>
    /// Accepts a 15- or 18-character id in any case an 18-character id may arrive in and returns the
    /// canonical 18-character id, or false when the text is not a well-formed id.
    /// </summary>
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? id18)
    {
        id18 = null;
        if (text is null || !IsAlphanumeric(text))
        {
            return false;
        }

        if (text.Length == 15)
        {
            id18 = text + Suffix(text);
            return true;
        }

        if (text.Length != 18)
        {
            return false;
        }

        // The suffix says which letters are capitals; restore them, then check the suffix agrees.
        Span<char> chars = stackalloc char[15];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = SuffixAlphabet.IndexOf(char.ToUpperInvariant(text[15 + chunk]));
            if (bits < 0)
            {
                return false;
            }

            for (var i = 0; i < 5; i++)
            {
                var c = text[chunk * 5 + i];
                chars[chunk * 5 + i] = (bits & (1 << i)) != 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
            }
        }

        var id15 = new string(chars);
        if (!string.Equals(Suffix(id15), text[15..], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        id18 = id15 + Suffix(id15);
        return true;
    }

    /// <summary>The emulator's id for the n-th record (n from 1) of the object with this key prefix.</summary>
    internal static string Create(string keyPrefix, long sequence)
    {
        Span<char> chars = stackalloc char[15];
        keyPrefix.AsSpan().CopyTo(chars);
        PodAndReserved.AsSpan().CopyTo(chars[3..]);
        for (var i = 14; i >= SequenceStart; i--)
        {
            chars[i] = Digits[(int)(sequence % 62)];
            sequence /= 62;
        }

        var id15 = new string(chars);
        return id15 + Suffix(id15);
    }

    /// <summary>Reads back the sequence of an id the emulator created; false for anyone else's id.</summary>
    internal static bool TryReadSequence(string id18, out long sequence)
    {
        sequence = 0;
        if (id18.Length != 18 || string.CompareOrdinal(id18, 3, PodAndReserved, 0, 3) != 0)
        {
            return false;
        }

        for (var i = SequenceStart; i < SequenceStart + SequenceLength; i++)
        {
            sequence = sequence * 62 + Digits.IndexOf(id18[i]);
        }

        return true;
    }

    private static string Suffix(ReadOnlySpan<char> id15)
    {
        Span<char> suffix = stackalloc char[3];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                var c = id15[chunk * 5 + i];
                if (c is >= 'A' and <= 'Z')
                {
                    bits |= 1 << i;
                }
            }

            suffix[chunk] = SuffixAlphabet[bits];
        }

        return new string(suffix);
    }

    private static bool IsAlphanumeric(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
