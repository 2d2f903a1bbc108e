using System;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LmsSync.Sandbox.ISpring;

/// <summary>
/// <c>pageSize</c>/<c>pageToken</c> paging. The token is opaque to clients: base64 of a cursor (the last item's
/// position), so inserts and deletes between pages never make a listing skip or repeat anyone.
/// </summary>
internal static class ISpringPaging
{
    public static (int PageSize, long After) Read(HttpRequest request, ISpringBehaviour behaviour)
    {
        var pageSize = behaviour.DefaultPageSize;
        var sizeText = request.Query["pageSize"].ToString();
        if (sizeText.Length > 0 && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > behaviour.MaxPageSize))
            throw new ISpringApiError(400, $"pageSize must be a whole number from 1 to {behaviour.MaxPageSize}, not '{sizeText}'.");
        var token = request.Query["pageToken"].ToString();
        return (pageSize, token.Length == 0 ? 0 : Decode(token));
    }

    public static string Encode(long after) => Convert.ToBase64String(Encoding.UTF8.GetBytes("after:" + after.ToString(CultureInfo.InvariantCulture)));

    private static long Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("after:", StringComparison.Ordinal) && long.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var after)) return after;
        }
        catch (FormatException)
        {
        }
        throw new ISpringApiError(400, "Invalid pageToken; pass the nextPageToken of the previous page unchanged.");
    }
}
