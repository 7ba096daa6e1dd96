using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Subscriptions;

/// <summary>`/api/subscriptions` on the dashboard listener, where the issue puts it and where the links in mails
/// point: forwarded over HTTP to the notifications component (base port + 5, or wherever it runs), which owns the
/// subscriptions. Over HTTP rather than by a project reference, so neither component depends on the other and a
/// split deployment (`serve --only`) works the same (docs/notifications.md, "Where the API lives").</summary>
internal static class SubscriptionForwarding
{
    public const string ClientName = "notifications";

    // What a subscription request needs; hop-by-hop and host headers stay behind.
    private static readonly string[] RequestHeaders = ["Authorization", "Accept", "Content-Type"];
    private static readonly string[] ReplyHeaders = ["Content-Type", "Location"];

    public static void MapSubscriptionForwarding(this IEndpointRouteBuilder app, Func<Uri?> target)
    {
        string[] methods = ["GET", "POST", "DELETE"];
        app.MapMethods("/api/subscriptions", methods, (HttpContext http, IHttpClientFactory clients) => ForwardAsync(http, clients, target()))
            .ExcludeFromDescription();
        app.MapMethods("/api/subscriptions/{**rest}", methods, (HttpContext http, IHttpClientFactory clients) => ForwardAsync(http, clients, target()))
            .ExcludeFromDescription();
    }

    private static async Task ForwardAsync(HttpContext http, IHttpClientFactory clients, Uri? target)
    {
        // The path is forwarded escaped as it came: its decoded form would turn a '%3F' in an id into the query.
        if (target is null)
        {
            await Problem(http, StatusCodes.Status503ServiceUnavailable, "notifications are not part of this deployment");
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method),
            new Uri(target, http.Request.Path.ToUriComponent().TrimStart('/') + http.Request.QueryString));
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(http.Request.Body);
        }

        foreach (var name in RequestHeaders)
        {
            if (http.Request.Headers.TryGetValue(name, out var value) && !request.Headers.TryAddWithoutValidation(name, value.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value.ToArray());
            }
        }

        HttpResponseMessage reply;
        try
        {
            reply = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, http.RequestAborted);
        }
        catch (HttpRequestException e)
        {
            await Problem(http, StatusCodes.Status502BadGateway, $"the notifications component did not answer: {e.Message}");
            return;
        }

        using (reply)
        {
            http.Response.StatusCode = (int)reply.StatusCode;
            foreach (var name in ReplyHeaders)
            {
                if (reply.Headers.TryGetValues(name, out var values) || reply.Content.Headers.TryGetValues(name, out values))
                {
                    http.Response.Headers[name] = values.ToArray();
                }
            }

            await reply.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
    }

    private static Task Problem(HttpContext http, int status, string detail)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { detail }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
