using System;
using System.Text;

namespace LmsSync.Core.Salesforce
{
    /// <summary>
    /// Text read character by character, from a string, from a range of a character buffer (the Bulk CSV reader's) or
    /// from a range of ASCII bytes (a state file's link lines).
    /// Implemented by structs, so code generic over it (<c>where T : struct, ICharText</c>) is compiled for each kind and
    /// reads a buffer's value (to parse it, or find it in a pool) without a string being made for it.
    /// </summary>
    internal interface ICharText
    {
        int Length { get; }

        char this[int index] { get; }

        /// <summary>Whether <paramref name="text"/> holds exactly these characters.</summary>
        bool Matches(string text);

        /// <summary>The characters as a string (the string itself when they are one).</summary>
        string Make();
    }

    internal readonly struct StringText : ICharText
    {
        private readonly string _text;

        public StringText(string text) => _text = text;

        public int Length => _text.Length;

        public char this[int index] => _text[index];

        public bool Matches(string text) => string.Equals(text, _text, StringComparison.Ordinal);

        public string Make() => _text;
    }

    internal readonly struct BufferText : ICharText
    {
        private readonly char[] _chars;
        private readonly int _start;

        public BufferText(char[] chars, int start, int length)
        {
            _chars = chars;
            _start = start;
            Length = length;
        }

        public int Length { get; }

        public char this[int index] => _chars[_start + index];

        public bool Matches(string text)
        {
            if (text.Length != Length) return false;
            for (var i = 0; i < text.Length; i++)
                if (text[i] != _chars[_start + i]) return false;
            return true;
        }

        public string Make() => new string(_chars, _start, Length);
    }

    /// <summary>A range of bytes known to be ASCII, each byte one character.</summary>
    internal readonly struct AsciiText : ICharText
    {
        private readonly byte[] _bytes;
        private readonly int _start;

        public AsciiText(byte[] bytes, int start, int length)
        {
            _bytes = bytes;
            _start = start;
            Length = length;
        }

        public int Length { get; }

        public char this[int index] => (char)_bytes[_start + index];

        public bool Matches(string text)
        {
            if (text.Length != Length) return false;
            for (var i = 0; i < text.Length; i++)
                if (text[i] != _bytes[_start + i]) return false;
            return true;
        }

        public string Make() => Encoding.ASCII.GetString(_bytes, _start, Length);
    }
}
