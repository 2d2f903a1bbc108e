using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using LmsSync.Core.Sync;
using Newtonsoft.Json;

namespace LmsSync.Core.Text
{
    /// <summary>Token-by-token reading shared by the stream readers (iSpring and SCIM list pages, a state file's links).</summary>
    internal static class JsonTokens
    {
        /// <summary>
        /// A table of the property names a reader expects, so it hands out these instances instead of a new string per
        /// name per object. Filled here, then only read (<see cref="DefaultJsonNameTable.Get"/> is safe from several readers).
        /// </summary>
        public static DefaultJsonNameTable NameTable(params string[] names)
        {
            var table = new DefaultJsonNameTable();
            foreach (var name in names) table.Add(name);
            return table;
        }

        /// <summary>The next token that is not a comment; false at the end of the input.</summary>
        [MethodImpl(Jit.Optimized)]
        public static bool NextOrEnd(JsonReader reader)
        {
            do
            {
                if (!reader.Read()) return false;
            }
            while (reader.TokenType == JsonToken.Comment);
            return true;
        }

        /// <summary>The next token that is not a comment; the end of input here means the body was cut short.</summary>
        [MethodImpl(Jit.Optimized)]
        public static JsonToken Next(JsonReader reader)
        {
            if (!NextOrEnd(reader)) throw new JsonReaderException("Unexpected end of the JSON.");
            return reader.TokenType;
        }

        /// <summary>
        /// Passes the current value (as <see cref="JsonReader.Skip"/>), without decoding its strings when the reader is a
        /// <see cref="ByteJsonReader"/>: what nobody reads costs no string.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        public static void Skip(JsonReader reader)
        {
            if (reader is ByteJsonReader bytes) bytes.SkipValue();
            else reader.Skip();
        }

        /// <summary>
        /// The objects of the array the reader is on, each read by <paramref name="readItem"/> (which gets the reader on
        /// the object's StartObject and leaves it on its EndObject); other values are skipped; anything but an array is
        /// no items.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        public static List<T> Objects<T>(JsonReader reader, Func<JsonReader, T> readItem)
        {
            var items = new List<T>();
            if (reader.TokenType != JsonToken.StartArray)
            {
                reader.Skip();
                return items;
            }
            while (Next(reader) != JsonToken.EndArray)
            {
                if (reader.TokenType == JsonToken.StartObject) items.Add(readItem(reader));
                else reader.Skip();
            }
            return items;
        }
    }
}
