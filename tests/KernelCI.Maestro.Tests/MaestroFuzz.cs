using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.ServiceDefaults.Jwt;

namespace KernelCI.Maestro.Tests;

/// <summary>Malformed Maestro requests from a seeded <see cref="Random"/>: bad JSON, wrong types, duplicate keys, huge
/// values, control characters, bad filters, patterns and sorts, bad tokens and odd methods, across every route. Every
/// body is one no endpoint accepts as a change, and requests that would be valid long polls or streams are left out
/// (they would wait), so whatever the fuzz sends, data written before it must come through unchanged.</summary>
internal sealed class MaestroFuzz(int seed, IReadOnlyList<string> nodeIds, string userToken, string adminToken)
{
    private static readonly string Huge = new('x', 100_000);

    private static readonly string[] Bodies =
    [
        "", "{", "}", "null", "[]", "5", "\"text\"", "true", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "[1,2",
        """{"kind":"checkout","kind":"test"}""", """{"a":1,"a":2}""", """{"state":"done","state":"running"}""",
        """{"kind":5,"name":[],"path":"x"}""", """{"state":"bogus"}""", """{"data":"not an object"}""", """{"result":7}""",
        """{"artifacts":{"log":"ftp://example.org/x"}}""", """{"artifacts":[1]}""", """{"timeout":"yesterday","holdoff":5}""",
        """{"processed_by_kcidb_bridge":"yes"}""", """{"retry_counter":1e300}""", """{"jobfilter":"x","platform_filter":[1]}""",
        $$"""{"kind":"checkout","name":"{{Huge}}","path":["x"],"state":"bogus"}""",
        $$"""{"kind":"checkout","name":"x","path":[{{string.Join(",", Enumerable.Repeat("\"p\"", 10_000))}}]}""",
        "{\"kind\":\"checkout\",\"name\":\"x\",\"path\":[\"x\"],\"artifacts\":{" + string.Join(",", Enumerable.Range(0, 2000).Select(i => $"\"a{i}\":\"https://e.org/{i}\"")) + "}}",
        "{\"data\":" + new string('[', 1000) + new string(']', 1000) + "}",
        """{"x":"a\u0000b"}""", """{"\u0000":1}""", """{"x":"\ud800"}""", """{"\udfff":"x"}""", """{"x":1e999999}""", """{"x":-1e400}""",
        """{"kind":"checkout","name":"a\u0000","path":["a"]}""", """{"kind":"checkout","name":"a","path":["a"],"data":{"kernel_revision":5}}""",
        """{"username":5,"email":[],"password":{}}""", $$"""{"email":"{{Huge}}@example.org"}""", """{"email":"no-at-sign"}""",
        """{"password":""}""", """{"username":"\u0001admin"}""", """{"username":""}""", """{"username":" padded "}""",
        """{"groups":"admin"}""", """{"groups":[5]}""", """{"groups":["a","a"]}""", """{"is_superuser":"yes"}""", """{"is_active":1}""",
        """{"node":5,"child_nodes":7}""", """{"node":{"kind":"checkout"},"child_nodes":[5,{"node":{"id":5}}]}""",
        """{"nodes":"x","field":"processed_by_kcidb_bridge","value":"maybe"}""", """{"nodes":[5,"zz"],"field":"processed_by_kcidb_bridge","value":"true"}""",
        """{"nodes":[],"field":"state","value":"done"}""", """{"token":5,"password":5}""", """{"token":"a.b.c","password":"pw"}""",
        """{"data":null}""", """{"data":""}""", """{"name":""}""", """{"name":5}""", """{"name":"\u0007bell"}""",
        """{"username":"x","email":"x@example.org","groups":["no-such-group"]}""",
    ];

    private static readonly string[] Queries =
    [
        "name__re=(", "name__re=" + Uri.EscapeDataString("(a+)+$"), "name__re=" + Uri.EscapeDataString(@"(a)\1"),
        "name__re=" + Uri.EscapeDataString("(?<=a)b"), "name__re=" + new string('a', 600), "data.x__re=%5B", "data.arch__re=" + Uri.EscapeDataString("(?<n>a)"),
        "sort=data.foo", "sort=--", "sort=data..x", "sort=-result", "sort=" + Huge[..5000], "limit=-1", "limit=99999999999", "offset=abc",
        "offset=99999999999", "created__gt=yesterday", "parent=zz", "kind__like=x", "a__b__c=1", "name=a%00b", "name%00=x", "name=%ED%A0%80",
        "retry_counter=abc", "data.x__int=1e5", "data.x__gt=1e999999", "kind__in=" + string.Join(",", Enumerable.Repeat("x", 3000)),
        "kind=" + Huge[..20_000], "__re=x", "data.=1", ".x=1", "max=0", "max=abc", "channel=%00", "ids=1,x", "id=99999999999999999999",
        "from=nope", "path=(", "path=" + Uri.EscapeDataString("(a|aa)*$"), "data..x=1", "node_id=%00", "promisc=maybe", "subscriber_id=%00",
        "noevent=maybe", "holdoff__lt=2026-13-45", "timeout=null&state__nin=", "%ZZ=1", "=1", "&&&", "name__re=" + Uri.EscapeDataString("[[:foo:]]"),
    ];

    // GET /events/stream streams for as long as its filters are good: only refused ones are sent to it.
    private static readonly string[] StreamQueries = ["after=abc", "after=-1", "after=99999999999999999999", "bogus=1", "data.%00=1", "kind=%00"];

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "PROPFIND", "BREW"];

    private static readonly (string Method, string Path)[] Routes =
    [
        ("GET", "node/{node}"), ("PUT", "node/{node}"), ("PATCH", "node/{node}"), ("PUT", "nodes/{node}"), ("GET", "nodes"),
        ("GET", "nodes/fast"), ("GET", "count"), ("POST", "node"), ("PUT", "batch/nodeset"), ("GET", "events"), ("GET", "events/stream"),
        ("GET", "listen/{sub}"), ("GET", "listen/{sub}/batch"), ("POST", "subscribe/{channel}"), ("POST", "unsubscribe/{sub}"),
        ("POST", "publish/{channel}"), ("POST", "user/login"), ("PATCH", "user/me"), ("GET", "user/{user}"), ("PATCH", "user/{user}"),
        ("DELETE", "user/{user}"), ("POST", "user/{user}/revoke-tokens"), ("GET", "users"), ("GET", "whoami"), ("POST", "user/invite"),
        ("POST", "user/accept-invite"), ("POST", "user/register"), ("GET", "user-groups"), ("POST", "user-groups"),
        ("DELETE", "user-groups/{user}"), ("GET", "stats/subscriptions"), ("POST", "token"), ("GET", "../nodes"), ("GET", "v9/nodes"),
    ];

    // No %00 in paths: Kestrel (and TestServer) refuse a path with NUL before any endpoint sees it.
    private static readonly string[] UserIds = ["zz", "%01", "0123456789abcdef01234567", Huge[..10_000], "..%2F..", "-1", "%E2%80%AE"];

    private static readonly string[] SubscriptionIds = ["abc", "-1", "99999999999999999999", "987654321", "1e3", "%01", ""];

    private static readonly string[] Channels = ["node", "%01", Huge[..10_000], "a%2Fb", "%20"];

    private readonly Random _random = new(seed);

    public IEnumerable<FuzzRequest> Requests(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (method, template) = Pick(Routes);
            if (_random.Next(5) == 0)
            {
                method = Pick(Methods);
            }

            var path = template.Replace("{node}", Pick([.. nodeIds, "nope", "%01", "0123456789abcdef01234567", Huge[..10_000]]), StringComparison.Ordinal)
                .Replace("{user}", Pick(UserIds), StringComparison.Ordinal)
                .Replace("{sub}", Pick(SubscriptionIds), StringComparison.Ordinal)
                .Replace("{channel}", Pick(Channels), StringComparison.Ordinal);
            if (template == "events/stream")
            {
                path += "?" + Pick(StreamQueries);
            }
            else if (_random.Next(3) > 0 || method == "GET")
            {
                path += "?" + Pick(Queries) + (_random.Next(4) == 0 ? "&" + Pick(Queries) : "");
            }

            yield return new FuzzRequest(method, path, Token(), method is "GET" or "HEAD" && _random.Next(4) > 0 ? null : Body(template));
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    // Half the requests carry a good token, so that bodies get past authentication to the validators.
    private string? Token() => _random.Next(14) switch
    {
        0 => null,
        1 => "",
        2 => "garbage",
        3 => "a.b.c",
        4 => Hs256Jwt.Sign(new JsonObject { ["sub"] = "0123456789abcdef01234567", ["aud"] = new JsonArray("fastapi-users:auth"), ["exp"] = 4102444800 }, "not-the-secret"),
        5 => Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"alg":"none"}""")) + "." + Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"sub":"x"}""")) + ".",
        6 => Huge,
        >= 7 and <= 10 => userToken,
        _ => adminToken,
    };

    private FuzzBody Body(string template)
    {
        if (template == "user/login" && _random.Next(2) == 0)
        {
            return Pick<FuzzBody>(
            [
                new("application/x-www-form-urlencoded", "username=ad%00min&password=x"u8.ToArray()),
                new("application/x-www-form-urlencoded", "username=%ZZ&password"u8.ToArray()),
                new("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes("username=" + Huge + "&password=" + Huge)),
                new("multipart/form-data", "--x\r\n\r\n"u8.ToArray()),
                new("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\na\0b\r\n--x--\r\n"u8.ToArray()),
                new("multipart/form-data; boundary=x", "--x\r\nbroken"u8.ToArray()),
            ]);
        }

        return _random.Next(12) switch
        {
            0 => new FuzzBody("application/json", [0xFF, 0xFE, 0x7B, 0x7D]),
            1 => new FuzzBody("text/plain", Encoding.UTF8.GetBytes(Pick(Bodies))),
            2 => new FuzzBody("application/x-www-form-urlencoded", "a=1&b=%00"u8.ToArray()),
            _ => new FuzzBody("application/json", Encoding.UTF8.GetBytes(Pick(Bodies))),
        };
    }
}
