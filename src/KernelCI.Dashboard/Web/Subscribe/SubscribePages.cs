using System.Net.Http.Json;
using System.Text.Json;
using KernelCI.Dashboard.Subscriptions;
using KernelCI.Dashboard.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.Subscribe;

/// <summary>`/subscribe`: a form for a regression-report subscription (issue 21 item 3; docs/notifications.md, "From
/// the web dashboard"). A plain form POST, handled here on the server, so it works without JavaScript: the fields
/// become the JSON body of `POST /api/subscriptions`, sent to the notifications component over HTTP as the dashboard's
/// forwarding sends it, so every check (addresses, trees, patterns, the per-address and server-wide caps, the
/// confirmation mail) is the API's own and the page cannot get round one. A refusal is shown by the field its
/// message names.</summary>
internal static class SubscribePages
{
    // The form has nine short fields; anything bigger is not this form (the API caps each value itself).
    private static readonly FormOptions Limits = new()
    {
        BufferBody = false,
        MultipartBodyLengthLimit = 16 * 1024,
        ValueCountLimit = 32,
        KeyLengthLimit = 64,
        ValueLengthLimit = 4096,
    };

    private const long MaxBody = 16 * 1024;

    public static RouteGroupBuilder MapSubscribePages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/subscribe", () => PageResults.Page<SubscribePage>(SubscribeView.Blank));
        // No antiforgery token: the API it posts to takes the same request from anyone without a login, and nothing
        // is sent to an address before it opens the confirmation link (docs/security.md).
        pages.MapPost("/subscribe", SubscribeAsync).DisableAntiforgery();
        return pages;
    }

    private static async Task<IResult> SubscribeAsync(HttpContext http, NotificationsTarget target, IHttpClientFactory clients,
        ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxBody)
        {
            return PageResults.Error(StatusCodes.Status413PayloadTooLarge, $"The form is at most {MaxBody / 1024} KiB.");
        }

        if (!http.Request.HasFormContentType)
        {
            return PageResults.BadRequest("The subscribe form is posted as application/x-www-form-urlencoded.");
        }

        IFormCollection fields;
        try
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, Limits));
            fields = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return PageResults.BadRequest($"The form could not be read: {e.Message}");
        }

        var form = SubscribeForm.From(fields);
        if (target.Url is not { } url)
        {
            return Refused(form, StatusCodes.Status503ServiceUnavailable, null, "Notifications are not part of this deployment: nothing can be subscribed here.");
        }

        var logger = logs.CreateLogger(SubscribeLog.Category);
        HttpResponseMessage reply;
        try
        {
            reply = await clients.CreateClient(SubscriptionForwarding.ClientName).PostAsJsonAsync(new Uri(url, "api/subscriptions"), form.ToRequest(),
                cancellationToken);
        }
        catch (HttpRequestException e)
        {
            SubscribeLog.NotAnswered(logger, url, e.Message);
            return Refused(form, StatusCodes.Status502BadGateway, null, $"The notifications component did not answer: {e.Message}. Nothing was subscribed; try again later.");
        }

        using (reply)
        {
            var body = await reply.Content.ReadAsStringAsync(cancellationToken);
            if (reply.IsSuccessStatusCode && Parse(body) is { } created)
            {
                SubscribeLog.Subscribed(logger, created.Id, created.Address, created.State);
                return PageResults.Page<SubscribePage>(new SubscribeView(SubscribeForm.Empty, new Dictionary<string, string>(), Created: created),
                    StatusCodes.Status201Created);
            }

            var (field, detail) = Problem(body);
            SubscribeLog.Refused(logger, (int)reply.StatusCode, detail ?? body);
            return Refused(form, (int)reply.StatusCode, field, detail ?? $"The notifications component answered {(int)reply.StatusCode}.");
        }
    }

    private static IResult Refused(SubscribeForm form, int status, string? field, string message)
    {
        var byField = field is not null && SubscribeForm.Fields.Contains(field);
        return PageResults.Page<SubscribePage>(new SubscribeView(form,
            byField ? new Dictionary<string, string> { [field!] = message } : new Dictionary<string, string>(),
            byField ? null : message), status);
    }

    // The API's ProblemDetails: `detail` starts with the field ("path: malformed pattern …"), also given as `field`.
    private static (string? Field, string? Detail) Problem(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("detail", out var detailValue) || detailValue.ValueKind != JsonValueKind.String)
            {
                return (null, null);
            }

            var detail = detailValue.GetString()!;
            var field = json.RootElement.TryGetProperty("field", out var fieldValue) && fieldValue.ValueKind == JsonValueKind.String
                ? fieldValue.GetString()
                : detail.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? detail[..colon] : null;
            return (field, detail);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static CreatedSubscription? Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (root.ValueKind != JsonValueKind.Object || Text("id") is not { } id || Text("address") is not { } address || Text("state") is not { } state)
            {
                return null;
            }

            var follows = new List<string>();
            foreach (var (name, label) in new[] { ("tree", "tree"), ("branch", "branch"), ("path", "tests"), ("platform", "platform"), ("origin", "origin"),
                         ("files", "files") })
            {
                if (Text(name) is { } value)
                {
                    follows.Add($"{label} {value}");
                }
            }

            return new CreatedSubscription(id, address, state, string.Join(", ", follows));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
