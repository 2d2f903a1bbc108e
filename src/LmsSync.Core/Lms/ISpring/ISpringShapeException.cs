using Newtonsoft.Json;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>
    /// Well-formed JSON without the shape expected (a user without <c>userId</c>, a page that is not an object). Kept
    /// apart from a syntax error so a streamed page can tell "cut short in transit, ask again" from "asking again
    /// gives the same answer"; still a <see cref="JsonException"/> for callers that only care that it did not parse.
    /// </summary>
    internal sealed class ISpringShapeException : JsonException
    {
        public ISpringShapeException(string message) : base(message)
        {
        }
    }
}
