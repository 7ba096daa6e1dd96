using System.Net;
using System.Security.Claims;
using KernelCI.Notifications.Http;
using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace KernelCI.Notifications.Subscriptions;

/// <summary>Self-service subscriptions (docs/notifications.md, "Subscribing"). On this component's listener; the
/// dashboard listener forwards `/api/subscriptions` here, so the links in mails name the dashboard.</summary>
internal static class SubscriptionsApi
{
    private static readonly TimeSpan ManageLinkLifetime = TimeSpan.FromDays(365);

    internal const int MaxPerAddress = 100;

    public const string CallerPolicy = "notifications-caller";

    public static RouteGroupBuilder MapSubscriptions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/subscriptions").WithTags("Subscriptions");
        group.MapPost("", AddAsync).WithSummary("Subscribes an address; its first mail is a confirmation link");
        group.MapGet("", ListAsync).RequireAuthorization(CallerPolicy).WithSummary("The address's subscriptions (token of a mail, or admin with address=)");
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(CallerPolicy).WithSummary("Removes a subscription");
        group.MapGet("/confirm", (string? token, SignedTokens tokens) => Page(tokens, token, SignedTokens.Confirm, "Confirm", "Send KernelCI's mails to"));
        group.MapPost("/confirm", ConfirmAsync).DisableAntiforgery();
        group.MapGet("/unsubscribe", (string? token, SignedTokens tokens) => Page(tokens, token, SignedTokens.Unsubscribe, "Unsubscribe", "Stop this subscription:"));
        group.MapPost("/unsubscribe", UnsubscribeAsync).DisableAntiforgery();
        return group;
    }

    private static async Task<Results<Created<Subscription>, ProblemHttpResult>> AddAsync(SubscriptionRequest? request, ITreeCatalog catalog,
        SubscriptionStore store, TimeProvider time, ILogger<SubscriptionStore> logger, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return ApiProblem.Bad("body", "a JSON object with address and what to follow");
        }

        var trees = request.Tree is null ? null : await catalog.TreesAsync(cancellationToken);
        if (request.Tree is not null && trees is null)
        {
            return ApiProblem.Of(StatusCodes.Status503ServiceUnavailable, "tree", "the known trees cannot be read now; try again later");
        }

        if (SubscriptionValidation.Check(request, trees) is { } problem)
        {
            return ApiProblem.Bad(problem.Field, problem.Message);
        }

        // Posting needs no login: a cap keeps one address from filling the table (docs/notifications.md, "Bad input").
        if ((await store.ListAsync(request.Address!.ToLowerInvariant(), cancellationToken)).Count >= MaxPerAddress)
        {
            return ApiProblem.Bad("address", $"already has {MaxPerAddress} subscriptions; delete some first");
        }

        Subscription subscription;
        try
        {
            subscription = await store.AddAsync(new Subscription(Guid.CreateVersion7(time.GetUtcNow()).ToString("N"), request.Address!.ToLowerInvariant(),
                request.Tree, request.Branch, request.Path, request.Platform, request.Origin, request.Files, request.Delivery ?? "immediate", "", default) { Always = request.AlwaysValue },
                cancellationToken);
        }
        catch (SubscriptionRefused refused)
        {
            NotificationsLog.CapReached(logger, request.Address!, refused.Message);
            return ApiProblem.Of(StatusCodes.Status429TooManyRequests, "address", refused.Message);
        }

        NotificationsLog.Subscribed(logger, subscription.Id, subscription.Address, subscription.State);
        return TypedResults.Created($"/api/subscriptions/{subscription.Id}", subscription);
    }

    // The subscription files' entries of the address are listed too, marked read_only with their file as source.
    private static async Task<Results<Ok<IReadOnlyList<Subscription>>, ProblemHttpResult>> ListAsync(string? address, ClaimsPrincipal caller,
        SubscriptionStore store, SubscriptionFiles files, CancellationToken cancellationToken)
    {
        var owner = Owner(caller, address);
        return owner is null
            ? ApiProblem.Bad("address", "required with an admin token")
            : TypedResults.Ok<IReadOnlyList<Subscription>>([.. await store.ListAsync(owner, cancellationToken), .. files.For(owner)]);
    }

    private static ProblemHttpResult FromFile(Subscription subscription) =>
        ApiProblem.Of(StatusCodes.Status409Conflict, "id",
            $"subscription {subscription.Id} comes from the subscription file {subscription.Source}; it changes when that file does");

    private static async Task<Results<NoContent, NotFound<ProblemDetailsLike>, ProblemHttpResult>> DeleteAsync(string id, ClaimsPrincipal caller,
        SubscriptionStore store, SubscriptionFiles files, CancellationToken cancellationToken)
    {
        if (files.Find(id) is { } fromFile)
        {
            return FromFile(fromFile);
        }

        var subscription = await store.FindAsync(id, cancellationToken);
        if (subscription is null)
        {
            return TypedResults.NotFound(new ProblemDetailsLike($"id: no subscription {id}"));
        }

        if (!IsAdmin(caller) && caller.FindFirstValue(CallerTokenHandler.AddressClaim) != subscription.Address)
        {
            return ApiProblem.Forbidden("token: the subscription is another address's");
        }

        await store.DeleteAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    // The answer carries the manage link: otherwise a new subscriber could list or delete nothing before a first report.
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ConfirmAsync(string? token, SignedTokens tokens, SubscriptionStore store,
        Links links, CancellationToken cancellationToken)
    {
        var (address, error) = tokens.Validate(token, SignedTokens.Confirm);
        if (address is null)
        {
            return ApiProblem.Forbidden(error!);
        }

        return await store.ConfirmAsync(address, cancellationToken)
            ? TypedResults.Text($"Confirmed: KernelCI will now mail {address} as subscribed.\n" +
                $"Your subscriptions: {links.Manage(tokens.Create(SignedTokens.Manage, address, ManageLinkLifetime))}\n")
            : ApiProblem.Of(StatusCodes.Status404NotFound, "token", "the address has no subscription any more");
    }

    // RFC 8058's one-click POST (body List-Unsubscribe=One-Click) and the page's button both come here.
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> UnsubscribeAsync(string? token, SignedTokens tokens, SubscriptionStore store,
        SubscriptionFiles files, CancellationToken cancellationToken)
    {
        var (id, error) = tokens.Validate(token, SignedTokens.Unsubscribe);
        if (id is null)
        {
            return ApiProblem.Forbidden(error!);
        }

        if (files.Find(id) is { } fromFile)
        {
            return FromFile(fromFile);
        }

        // Unsubscribing twice is not an error: the second click finds nothing, which is what was asked.
        await store.DeleteAsync(id, cancellationToken);
        return TypedResults.Text("Unsubscribed: this subscription sends no more mail.\n");
    }

    // A GET only shows a button: mail scanners open links, and must not confirm or unsubscribe by doing so.
    private static Results<ContentHttpResult, ProblemHttpResult> Page(SignedTokens tokens, string? token, string purpose, string action, string question)
    {
        var (subject, error) = tokens.Validate(token, purpose);
        if (subject is null)
        {
            return ApiProblem.Forbidden(error!);
        }

        var what = purpose == SignedTokens.Confirm ? subject : "subscription " + subject;
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>KernelCI: {action}</title></head>
            <body><form method="post" action="?token={WebUtility.HtmlEncode(token)}"><p>{WebUtility.HtmlEncode(question)} {WebUtility.HtmlEncode(what)}?</p>
            <button type="submit">{action}</button></form></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static bool IsAdmin(ClaimsPrincipal caller) => caller.HasClaim(CallerTokenHandler.AdminClaim, "true");

    private static string? Owner(ClaimsPrincipal caller, string? address) =>
        IsAdmin(caller) ? address?.ToLowerInvariant() : caller.FindFirstValue(CallerTokenHandler.AddressClaim);
}
