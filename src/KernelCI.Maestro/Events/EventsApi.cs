using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Maestro.Events.Delivery;
using KernelCI.Maestro.Events.Log;
using KernelCI.Maestro.Events.Subscriptions;
using KernelCI.Maestro.Events.WakeUps;
using KernelCI.Maestro.Users;
using KernelCI.Maestro.Users.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Maestro.Events;

public static class EventsApi
{
    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/events", GetEvents).WithSummary("The stored event log, with upstream's filters");
        endpoints.MapGet("/events/stream", Stream).WithSummary("Server-Sent Events with server-side filters; resume with Last-Event-ID or after=");

        var signedIn = endpoints.MapGroup("").RequireAuthorization(MaestroAuthentication.UserPolicy);
        signedIn.MapPost("/subscribe/{channel}", Subscribe).DisableAntiforgery().WithSummary("Subscribe; with subscriber_id the cursor is durable");
        signedIn.MapPost("/unsubscribe/{id}", Unsubscribe).DisableAntiforgery();
        signedIn.MapGet("/listen/{id}", Listen).WithMetadata(UserCheckedByStatement.Instance).WithSummary("Long poll: the next event after the cursor, or a BEEP keep-alive; ack=SEQ acknowledges up to SEQ");
        signedIn.MapGet("/listen/{id}/batch", ListenBatch).WithSummary("Catch-up: up to max (default 1000) events at once; an empty wait answers with one message");
        signedIn.MapPost("/publish/{channel}", Publish).DisableAntiforgery();

        endpoints.MapGroup("").RequireAuthorization(MaestroAuthentication.AdminPolicy).MapGet("/stats/subscriptions", Stats);
        return endpoints;
    }

    internal static async Task<ContentHttpResult> Subscribe(string channel, MaestroUser user, HttpContext http, SubscriptionStore subscriptions, EventStore events,
        EventPositions positions, QuietCursors quiet)
    {
        await positions.EnsureAsync(http.RequestAborted);
        var subscriberId = EventInput.SubscriberId(http.Request.Query["subscriber_id"].ToString() is { Length: > 0 } sid ? sid : null);
        EventInput.Channel(channel);
        var start = await events.LastSequenceAsync(http.RequestAborted);
        var subscription = await subscriptions.SubscribeAsync(channel, user, RequestJson.Flag(http.Request, "promisc"), subscriberId, start, http.RequestAborted);
        quiet.Forget(subscription.Id);
        return RequestJson.Json(new JsonObject
        {
            ["id"] = subscription.Id,
            ["channel"] = subscription.Channel,
            ["user"] = subscription.User,
            ["promiscuous"] = subscription.Promiscuous,
        });
    }

    internal static async Task<ContentHttpResult> Unsubscribe(string id, MaestroUser user, HttpContext http, SubscriptionStore subscriptions, QuietCursors quiet)
    {
        var subscription = await OwnedAsync(id, user, subscriptions, http.RequestAborted);
        await subscriptions.DeleteAsync(subscription.Id, http.RequestAborted);
        quiet.Forget(subscription.Id);
        return RequestJson.Json("null");
    }

    internal static async Task<ContentHttpResult> Listen(string id, TokenClaims caller, HttpContext http, SubscriptionStore subscriptions,
        EventListener listener, TokenUsers users)
    {
        var number = ParseId(id);
        // The user (deleted, inactive, revoked) and ownership are checked in the cursor's statement; only a refused
        // poll looks them up, for its status.
        var message = await listener.ListenAsync(new CursorRequest(number, caller.UserId, caller.Version, Ack(http.Request)), http.RequestAborted);
        if (message is null)
        {
            var user = await users.FindAsync(caller, http.RequestAborted) ?? throw new MaestroException(StatusCodes.Status401Unauthorized, "Unauthorized");
            await OwnedAsync(id, user, subscriptions, http.RequestAborted);
            throw MaestroException.NotFound($"Subscription id not found: {id}");
        }

        return RequestJson.Json(message);
    }

    internal static async Task<ContentHttpResult> ListenBatch(string id, MaestroUser user, HttpContext http, SubscriptionStore subscriptions, EventListener listener)
    {
        var subscription = await OwnedAsync(id, user, subscriptions, http.RequestAborted);
        var maxText = http.Request.Query["max"].ToString();
        var max = maxText.Length == 0 ? 1000 : int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is > 0 and <= 10000
            ? m
            : throw MaestroException.BadRequest("max: must be an integer from 1 to 10000");
        return RequestJson.Json(await listener.ListenBatchAsync(subscription, new CursorRequest(subscription.Id, user.Id, user.TokenVersion, Ack(http.Request)), max, http.RequestAborted));
    }

    internal static async Task<ContentHttpResult> Publish(string channel, MaestroUser user, HttpContext http, EventStore events, EventsCommitted committed,
        MaestroMetrics metrics)
    {
        EventInput.Channel(channel);
        var body = await RequestJson.ReadObjectAsync(http.Request);
        var data = body["data"];
        if (data is null || data.GetValueKind() == JsonValueKind.Null || (data is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0))
        {
            throw MaestroException.BadRequest("data: field required and must not be empty");
        }

        EventInput.Publication(body);

        await using var connection = await Sql.OpenAsync(events.Database, http.RequestAborted);
        await using var transaction = await connection.BeginTransactionAsync(http.RequestAborted);
        await events.AppendAsync(connection, transaction, channel, user.Username, data.DeepClone(),
            body["type"]?.ToString(), body["source"]?.ToString(), body["attributes"] as JsonObject, http.RequestAborted);
        await transaction.CommitAsync(http.RequestAborted);
        committed.Notify(channel);
        metrics.EventsAppended(channel, 1);
        return RequestJson.Json("null");
    }

    internal static async Task<ContentHttpResult> GetEvents(HttpRequest request, EventStore events, EventPositions positions, MaestroOptions options)
    {
        await positions.EnsureAsync(request.HttpContext.RequestAborted);
        var (sql, parameters) = EventQuery.Build(request.Query, events.Database.Kind);
        await using var connection = await Sql.OpenAsync(events.Database, request.HttpContext.RequestAborted);
        var rows = await PatternQuery.RunAsync(connection, events.Database.Kind, request.Query.ContainsKey("path") ? "path" : null, options.PatternTimeout, async transaction =>
        {
            await using var command = Sql.Command(connection, transaction, sql, parameters);
            return await EventStore.ReadRowsAsync(command, request.HttpContext.RequestAborted);
        }, request.HttpContext.RequestAborted);
        var array = new JsonArray(rows.Select(e => (JsonNode)new JsonObject
        {
            ["id"] = e.Sequence.ToString(CultureInfo.InvariantCulture),
            ["timestamp"] = e.Timestamp,
            ["sequence_id"] = e.Sequence,
            ["channel"] = e.Channel,
            ["owner"] = e.Owner,
            ["data"] = JsonNode.Parse(e.Data),
        }).ToArray());
        return RequestJson.Json(array);
    }

    internal static async Task Stream(HttpContext http, EventStream stream, EventStore events, EventPositions positions)
    {
        var query = http.Request.Query;
        var lastId = http.Request.Headers["Last-Event-ID"].ToString();
        var afterText = lastId.Length > 0 ? lastId : query["after"].ToString();
        long after = 0;
        if (afterText == "now")
        {
            // Only what comes after this request (as /subscribe starts): a watcher opens the stream, then reads the
            // nodes' state, and misses nothing between the two (docs/kci-dev.md, watch).
            await positions.EnsureAsync(http.RequestAborted);
            after = await events.LastSequenceAsync(http.RequestAborted);
        }
        else if (afterText.Length > 0 && !long.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            throw MaestroException.BadRequest($"after: '{afterText}' is not an event sequence number");
        }

        var filter = StreamFilter.Parse(query);
        var channel = query["channel"].ToString() is { Length: > 0 } c ? c : "node";
        await stream.RunAsync(http, channel, after, filter);
    }

    internal static async Task<ContentHttpResult> Stats(HttpContext http, SubscriptionStore subscriptions)
    {
        var list = await subscriptions.ListAsync(http.RequestAborted);
        return RequestJson.Json(new JsonArray(list.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Id,
            ["channel"] = s.Channel,
            ["user"] = s.User,
            ["promiscuous"] = s.Promiscuous,
            ["subscriber_id"] = s.SubscriberId,
            ["cursor"] = s.Acked,
            ["created"] = s.Created,
            ["last_poll"] = s.LastPoll,
        }).ToArray()));
    }

    private static async Task<Subscription> OwnedAsync(string id, MaestroUser user, SubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.GetAsync(ParseId(id), cancellationToken)
            ?? throw MaestroException.NotFound($"Subscription id not found: {id}");
        return subscription.UserId == user.Id || user.IsSuperuser
            ? subscription
            : throw new MaestroException(StatusCodes.Status403Forbidden, $"Subscription {id} belongs to another user");
    }

    // `?ack=SEQ` (ours): the _sequence_id of the last event the subscriber has processed; absent is upstream's
    // implicit acknowledgement. docs/maestro.md "Events and the delivery guarantee".
    private static long? Ack(HttpRequest request) => request.Query["ack"].ToString() switch
    {
        { Length: 0 } when !request.Query.ContainsKey("ack") => null,
        var text when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ack) => ack,
        var text => throw MaestroException.BadRequest($"ack: '{text}' is not an event sequence number (the _sequence_id of the last event processed)"),
    };

    private static long ParseId(string id) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
        ? number
        : throw MaestroException.BadRequest($"'{id}' is not a subscription id");
}
