using System.Net.Http.Headers;

namespace KernelCI.Client.Notifications;

/// <summary>Who reads or deletes subscriptions: the owner of an address by the signed manage token of a mail, or an
/// admin by a KCIDB admin token (docs/notifications.md, "Links without a login").</summary>
public sealed record SubscriptionCaller(string? ManageToken, string? AdminToken)
{
    public static SubscriptionCaller Owner(string manageToken) => new(manageToken, null);

    public static SubscriptionCaller Admin(string adminToken) => new(null, adminToken);

    internal HttpRequestMessage Authorize(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var pairs = ManageToken is null ? query : [.. query, new("token", ManageToken)];
        var request = new HttpRequestMessage(method,
            path + (pairs.Count == 0 ? "" : "?" + string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)))));
        if (AdminToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        }

        return request;
    }
}
