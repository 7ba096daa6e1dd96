using KernelCI.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KernelCI.ServiceDefaults.Tests;

/// <summary>A component whose middleware marks every reply (and throws on /boom), with one endpoint, GET /hello.</summary>
internal sealed class MiddlewareComponent : IComponent
{
    public string Name => "middleware";

    public int PortOffset => 7;

    public IReadOnlyList<string> Secrets => [];

    public IReadOnlyList<Migration> Migrations => [];

    public void ConfigureServices(WebApplicationBuilder builder, HostContext context)
    {
    }

    public void UseMiddleware(WebApplication app) => app.Use(async (context, next) =>
    {
        context.Response.Headers["X-Component-Middleware"] = "ran";
        if (context.Request.Path == "/boom")
        {
            throw new InvalidOperationException("boom");
        }

        await next(context);
    });

    public void MapEndpoints(WebApplication app) => app.MapGet("/hello", () => "hello");
}
