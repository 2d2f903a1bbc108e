using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace LmsSync.Sandbox.Faults;

/// <summary>Applies the first matching <see cref="FaultRule"/> to each request (admin routes are exempt).</summary>
public sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/__admin", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var rule = faults.Match(context.Request.Method, path + context.Request.QueryString.Value);
        if (rule is null)
        {
            await next(context);
            return;
        }

        if (rule.DelayMs > 0) await Task.Delay(rule.DelayMs, context.RequestAborted);

        switch (rule.Kind)
        {
            case FaultKind.None:
                await next(context);
                break;
            case FaultKind.DropConnection:
                context.Abort();
                break;
            case FaultKind.Status:
                context.Response.StatusCode = rule.StatusCode;
                foreach (var header in rule.Headers) context.Response.Headers[header.Key] = header.Value;
                if (rule.Body is not null)
                {
                    context.Response.ContentType = rule.ContentType;
                    await context.Response.WriteAsync(rule.Body, context.RequestAborted);
                }
                break;
            case FaultKind.MalformedBody:
                await WriteTruncatedAsync(context);
                break;
        }
    }

    private async Task WriteTruncatedAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        var bytes = buffer.ToArray();
        var half = bytes.Length / 2;
        context.Response.ContentLength = half;
        await original.WriteAsync(bytes.AsMemory(0, half), context.RequestAborted);
    }
}
