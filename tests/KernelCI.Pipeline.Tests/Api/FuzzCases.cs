using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Pipeline.Api;

namespace KernelCI.Pipeline.Tests.Api;

/// <summary>Malformed requests to the pipeline API, generated from a fixed seed so that a failure is reproducible:
/// bad JSON, wrong types, duplicate keys, huge values, missing fields, bad tokens, odd paths and methods, control
/// characters and overlong strings, each mixed into otherwise valid requests of the three endpoints.</summary>
internal sealed class FuzzCases(int seed, string secret, string checkoutId)
{
    private static readonly string[] Endpoints = ["/api/checkout", "/api/patchset", "/api/jobretry"];

    private readonly Random _random = new(seed);

    public IEnumerable<FuzzCase> All()
    {
        var good = Token(["checkout", "patchset", "testretry"]);
        foreach (var path in Endpoints)
        {
            foreach (var (what, body) in BadJson())
            {
                yield return Post($"bad JSON ({what})", path, body, good);
            }

            foreach (var field in Fields(path))
            {
                foreach (var (what, value) in WrongValues())
                {
                    var request = Valid(path);
                    request[field] = value;
                    yield return Post($"{field} = {what}", path, Encoding.UTF8.GetBytes(request.ToJsonString()), good);
                }

                var missing = Valid(path);
                missing.Remove(field);
                yield return Post($"without {field}", path, Encoding.UTF8.GetBytes(missing.ToJsonString()), good);

                var text = Valid(path).ToJsonString();
                yield return Post($"duplicate {field}", path, Encoding.UTF8.GetBytes(text[..^1] + $",\"{field}\":{Valid(path)[field]?.ToJsonString() ?? "null"}}}"), good);
            }

            foreach (var (what, token) in BadTokens())
            {
                yield return Post($"token {what}", path, Encoding.UTF8.GetBytes(Valid(path).ToJsonString()), token);
            }

            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Head, HttpMethod.Options })
            {
                yield return new FuzzCase($"{method} {path}", method, path, method == HttpMethod.Get || method == HttpMethod.Head ? null : [], null, good);
            }

            foreach (var contentType in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null })
            {
                yield return new FuzzCase($"content type {contentType}", HttpMethod.Post, path, Encoding.UTF8.GetBytes(Valid(path).ToJsonString()), contentType, good);
            }

            for (var i = 0; i < 10; i++)
            {
                var mutated = Mutate(Encoding.UTF8.GetBytes(Valid(path).ToJsonString()));
                yield return Post($"mutation {i}", path, mutated, good);
            }
        }

        foreach (var path in OddPaths())
        {
            yield return Post($"path {path}", path, Encoding.UTF8.GetBytes(Valid("/api/checkout").ToJsonString()), good);
        }
    }

    private FuzzCase Post(string what, string path, byte[] body, string? token) =>
        new(what, HttpMethod.Post, path, body, "application/json", token);

    private JsonObject Valid(string path) => path switch
    {
        "/api/checkout" => new JsonObject
        {
            ["url"] = "https://git.example.org/linux.git", ["branch"] = "main", ["commit"] = "0123456789abcdef0123456789abcdef01234567",
        },
        "/api/patchset" => new JsonObject { ["nodeid"] = checkoutId, ["patch"] = new JsonArray("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n") },
        _ => new JsonObject { ["nodeid"] = checkoutId },
    };

    private static string[] Fields(string path) => path switch
    {
        "/api/checkout" => ["url", "branch", "commit", "nodeid", "jobfilter", "platformfilter"],
        "/api/patchset" => ["nodeid", "patch", "patchurl", "jobfilter", "platformfilter"],
        _ => ["nodeid"],
    };

    private IEnumerable<(string, JsonNode?)> WrongValues()
    {
        yield return ("null", null);
        yield return ("number", 42);
        yield return ("huge number", JsonNode.Parse("1e400"));
        yield return ("negative", -1);
        yield return ("bool", true);
        yield return ("object", new JsonObject { ["a"] = new JsonObject { ["b"] = 1 } });
        yield return ("array of numbers", new JsonArray(1, 2, 3));
        yield return ("array of 5000 strings", new JsonArray([.. Enumerable.Range(0, 5000).Select(i => (JsonNode)("s" + i))]));
        yield return ("empty string", "");
        yield return ("spaces", "   ");
        yield return ("control characters", "a\u0000b\u001b[31m\r\nc\u007f");
        yield return ("overlong string", new string('a', 300_000));
        yield return ("overlong hex", new string('f', 100_000));
        yield return ("unicode", "\ud83d\ude00\u202e\ufeff");
        yield return ("lone surrogate", "\ud800");
        yield return ("path traversal", "../../../etc/passwd");
        yield return ("url with control chars", "https://git.example.org/\u0000\r\nHost: evil");
        yield return ("file url", "file:///etc/passwd");
        yield return ("random", RandomText(_random.Next(1, 64)));
    }

    private IEnumerable<(string, byte[])> BadJson()
    {
        yield return ("empty", []);
        yield return ("whitespace", " \n\t "u8.ToArray());
        yield return ("open brace", "{"u8.ToArray());
        yield return ("array", "[]"u8.ToArray());
        yield return ("null", "null"u8.ToArray());
        yield return ("string", "\"checkout\""u8.ToArray());
        yield return ("number", "12"u8.ToArray());
        yield return ("trailing comma", "{\"nodeid\":\"x\",}"u8.ToArray());
        yield return ("comment", "{/* x */\"nodeid\":\"x\"}"u8.ToArray());
        yield return ("single quotes", "{'nodeid':'x'}"u8.ToArray());
        yield return ("NaN", "{\"nodeid\":NaN}"u8.ToArray());
        yield return ("two objects", "{}{}"u8.ToArray());
        yield return ("invalid UTF-8", [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]);
        yield return ("BOM", [0xEF, 0xBB, 0xBF, .. "{}"u8.ToArray()]);
        yield return ("UTF-16", Encoding.Unicode.GetBytes("{\"nodeid\":\"x\"}"));
        yield return ("NUL bytes", [0, 0, 0, 0]);
        yield return ("deep nesting", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)));
        yield return ("deep objects", Encoding.UTF8.GetBytes("{\"nodeid\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 201)));
        yield return ("duplicate nested", "{\"jobfilter\":{\"a\":1,\"a\":2},\"commit\":\"abc\"}"u8.ToArray());
        yield return ("unterminated string", "{\"nodeid\":\"abc"u8.ToArray());
        yield return ("bad escape", "{\"nodeid\":\"\\x41\"}"u8.ToArray());
        yield return ("over 1 MiB", Encoding.UTF8.GetBytes("{\"branch\":\"" + new string('b', 1_200_000) + "\"}"));
        yield return ("random bytes", RandomBytes(256));
    }

    private IEnumerable<(string, string?)> BadTokens()
    {
        yield return ("missing", null);
        yield return ("empty", "");
        yield return ("Bearer only", "Bearer ");
        yield return ("garbage", RandomAscii(40));
        yield return ("three dots", "a.b.c");
        yield return ("bad base64", "!!!.@@@.###");
        yield return ("wrong secret", PipelineTokens.Issue("not-the-secret", "dev@example.org", ["checkout", "patchset", "testretry"], null));
        yield return ("expired", PipelineTokens.Issue(secret, "dev@example.org", ["checkout", "patchset", "testretry"], DateTimeOffset.UtcNow.AddDays(-1)));
        yield return ("no permissions", Token([]));
        yield return ("wrong permission", Token(["admin"]));
        yield return ("alg none", Base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Base64("{\"email\":\"x@y\",\"permissions\":[\"checkout\"]}") + ".");
        yield return ("no email", Sign(new JsonObject { ["permissions"] = new JsonArray("checkout", "patchset", "testretry") }));
        yield return ("email a number", Sign(new JsonObject { ["email"] = 5, ["permissions"] = new JsonArray("checkout", "patchset", "testretry") }));
        yield return ("permissions a string", Sign(new JsonObject { ["email"] = "x@y", ["permissions"] = "checkout" }));
        yield return ("exp a string", Sign(new JsonObject { ["email"] = "x@y", ["permissions"] = new JsonArray("checkout"), ["exp"] = "never" }));
        yield return ("header not JSON", Base64("nope") + "." + Base64("{}") + ".sig");
        yield return ("overlong", new string('A', 16_000));
        yield return ("control characters", "abc\u0001def");
    }

    private static IEnumerable<string> OddPaths() =>
    [
        "/api/checkout/", "/api//checkout", "/API/CHECKOUT", "/api/checkout?nodeid=%00", "/api/%2e%2e/api/checkout", "/api/checkout/extra",
        "/api/", "/api", "/", "/api/unknown", "/api/checkout%00", "/api/checkout;x=1", "/api/" + new string('a', 4000), "/api/checkout?" + new string('q', 4000),
        "/api/jobretry/../checkout", "/metrics/../api/checkout",
    ];

    private byte[] Mutate(byte[] body)
    {
        var copy = (byte[])body.Clone();
        for (var i = 0; i < 1 + _random.Next(4); i++)
        {
            copy[_random.Next(copy.Length)] = (byte)_random.Next(256);
        }

        return _random.Next(3) == 0 ? copy[.._random.Next(copy.Length)] : copy;
    }

    private string Token(IReadOnlyList<string> permissions) => PipelineTokens.Issue(secret, "dev@example.org", permissions, null);

    private string Sign(JsonObject claims) => KernelCI.ServiceDefaults.Jwt.Hs256Jwt.Sign(claims, secret);

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private string RandomText(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)_random.Next(1, 0x2FF))]);

    private string RandomAscii(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)_random.Next(0x21, 0x7F))]);

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}
