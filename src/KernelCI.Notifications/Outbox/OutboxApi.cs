using KernelCI.Notifications.Http;
using KernelCI.Notifications.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Notifications.Outbox;

/// <summary>`GET /api/notifications/outbox?state=&amp;recipient=&amp;limit=`: what was sent, what waits for a retry and
/// why, what failed for good; admins only (it lists addresses).</summary>
internal static class OutboxApi
{
    public const string AdminPolicy = "notifications-admin";

    public static RouteGroupBuilder MapOutbox(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(AdminPolicy);
        group.MapGet("/outbox", ListAsync).WithSummary("The outbox, newest first");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<OutboxEntry>>, ProblemHttpResult>> ListAsync(string? state, string? recipient, int? limit,
        OutboxStore store, CancellationToken cancellationToken)
    {
        if (state is not null && !OutboxStates.IsKnown(state))
        {
            return ApiProblem.Bad("state", "must be pending, sent or failed");
        }

        if (limit is not null and (< 1 or > 1000))
        {
            return ApiProblem.Bad("limit", "must be 1-1000");
        }

        return TypedResults.Ok(await store.ListAsync(state, recipient?.ToLowerInvariant(), limit ?? 100, cancellationToken));
    }
}
