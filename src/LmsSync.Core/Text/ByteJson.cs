using System;
using System.IO;
using System.Text;
using Newtonsoft.Json;

namespace LmsSync.Core.Text
{
    /// <summary>
    /// Reads a UTF-8 body held in a byte array with <see cref="ByteJsonReader"/>, and when that reader does not take the body
    /// on (not plain JSON, or malformed), reads it again from the start through <see cref="JsonTextReader"/> as before: the
    /// same values, the same leniencies, the same errors with the same messages. <paramref name="read"/> must be free to
    /// run twice on the same body (it only builds what it returns).
    /// </summary>
    internal static class ByteJson
    {
        /// <param name="json">The body's bytes, [0, <paramref name="length"/>).</param>
        /// <param name="names">The property names to hand out without a new string each.</param>
        /// <param name="floats">How a number with a fraction or exponent is read (as <paramref name="openText"/> sets it).</param>
        /// <param name="openText">The JsonTextReader the body was read with before, over the given text.</param>
        /// <param name="read">Reads the body from its first token on.</param>
        public static T Read<T>(byte[] json, int length, ByteNameTable names, FloatParseHandling floats, Func<TextReader, JsonReader> openText, Func<JsonReader, T> read)
        {
            try
            {
                using (var reader = new ByteJsonReader(json, length, names, floats))
                    return read(reader);
            }
            catch (ByteJsonReader.NotTakenException)
            {
                // Not plain JSON: JsonTextReader's verdict, below.
            }
            catch (JsonException)
            {
                // A malformed body (or one the caller finds wrong): read again below, so the error is the one JsonTextReader gives.
            }
            using (var text = new StreamReader(new MemoryStream(json, 0, length, writable: false), Encoding.UTF8))
            using (var reader = openText(text))
                return read(reader);
        }
    }
}
