using System.Text;

namespace KernelCI.Kcidb.Tests.Fuzz;

/// <summary>Malformed requests for every KCIDB endpoint, generated from a seed: bodies damaged at random or shaped to hit
/// one limit (types, duplicate keys, lone surrogates, invalid UTF-8, huge numbers, deep nesting, overlong ids), bad
/// tokens, bad query parameters, odd methods and paths.</summary>
/// <param name="otherToken">A token signed with another secret (false) or expired (true).</param>
internal sealed class FuzzRequests(Random random, string token, Func<bool, string> otherToken)
{
    private const string Good = """
        {"version":{"major":5,"minor":3},
         "checkouts":[{"id":"acme:c1","origin":"acme","tree_name":"mainline","start_time":"2024-01-01T00:00:00+00:00","misc":{"a":[1,2]}}],
         "builds":[{"id":"acme:b1","origin":"acme","checkout_id":"acme:c1","status":"PASS","duration":1.5,"architecture":"x86_64"}],
         "tests":[{"id":"acme:t1","origin":"acme","build_id":"acme:b1","path":"boot","status":"FAIL","number":{"value":2,"unit":"s"}}],
         "issues":[{"id":"acme:i1","origin":"acme","version":1,"comment":"x"}],
         "incidents":[{"id":"acme:n1","origin":"acme","issue_id":"acme:i1","issue_version":1,"test_id":"acme:t1","present":true}]}
        """;

    private static readonly string[] Fields =
        ["\"id\"", "\"origin\"", "\"status\"", "\"duration\"", "\"version\"", "\"start_time\"", "\"misc\"", "\"path\"", "\"comment\"", "\"tree_name\""];

    private static readonly string[] OddValues =
        ["1e400", "-1e400", "1" + new string('0', 400), "1e-400", "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud800\\ud800\"", "\"\\u0000\"",
         "[]", "{}", "null", "true", "-0", "\"\"", "\"9999-99-99T99:99:99Z\"", "\"+275760-09-13T00:00:00Z\"", "99999999999999999999",
         "-9223372036854775809", "\"" + new string('x', 70_000) + "\"", "\"PASS\\u0000\"", "0.1e1", "[[[[]]]]", "\"acme:\"", "\"other:1\""];

    private static readonly string[] Endpoints =
        ["/api/checkouts", "/api/builds", "/api/tests", "/api/issues", "/api/incidents", "/api/query",
         "/api/checkouts/acme:c1/summary", "/api/builds/acme:b1/summary"];

    private static readonly string[] Parameters =
        ["limit", "cursor", "since", "until", "status", "origin", "checkout", "build", "test", "issue", "issue_version", "incident",
         "children", "parents", "with_metadata", "path", "build_id", "tree_name", "x"];

    private static readonly string[] ParameterValues =
        ["", "-1", "0", "1e10", "99999999999999999999", "abc", "%ED%A0%80", "%FF", "%00", "%C0%80", "true", "maybe",
         "2024-13-45", "2024-01-01T00:00:00Z", "PASS", "BOGUS", "acme:c1", new string('a', 5000), "eyJ0IjoxfQ", "%22%5C%22"];

    public IEnumerable<FuzzRequest> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return random.Next(12) switch
            {
                0 => Submit("damaged bytes", Damage(Encoding.UTF8.GetBytes(Good))),
                1 => Submit("odd value", Encoding.UTF8.GetBytes(ReplaceValue())),
                2 => Submit("duplicate keys", Encoding.UTF8.GetBytes(DuplicateKeys())),
                3 => Submit("invalid UTF-8", InvalidUtf8()),
                4 => Submit("deep nesting", Encoding.UTF8.GetBytes(Nested(random.Next(2) == 0 ? random.Next(250, 262) : random.Next(1000, 5000)))),
                5 => Submit("overlong id", Encoding.UTF8.GetBytes(Good.Replace("acme:t1", "acme:" + new string('t', random.Next(1000, 200_000)), StringComparison.Ordinal))),
                6 => Submit("not a document", Encoding.UTF8.GetBytes(Pick(["", "null", "[]", "1", "\"x\"", "{", "{}", "{\"version\":{\"major\":99}}",
                    "{\"version\":{\"major\":5,\"minor\":3},\"tests\":{}}", "{\"version\":{\"major\":4,\"minor\":5},\"revisions\":[{}]}",
                    "{\"version\":{\"major\":3},\"revisions\":[{\"id\":\"x\",\"origin\":\"acme\"}]}", "\uFEFF{}", "{}{}", "{} x"]))),
                7 => BadToken(),
                8 => Status(),
                9 or 10 => Query(),
                _ => OddRoute(),
            };
        }
    }

    private string Authorization => "Bearer " + token;

    private FuzzRequest Submit(string kind, byte[] body) => new(kind, HttpMethod.Post, "/submit", Authorization, body);

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private byte[] Damage(byte[] body)
    {
        var bytes = body.ToList();
        byte[] alphabet = [.. "{}[],:\"\\ -+.eE0123456789tfnu"u8, 0x00, 0x1F, 0x80, 0xC3, 0xED, 0xFF];
        for (var edits = random.Next(1, 6); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0: bytes.RemoveAt(at); break;
                case 1: bytes.Insert(at, Pick(alphabet)); break;
                default: bytes[at] = Pick(alphabet); break;
            }
        }

        return [.. bytes];
    }

    private string ReplaceValue()
    {
        var field = Pick(Fields);
        var at = Good.IndexOf(field + ":", random.Next(Good.Length / 2), StringComparison.Ordinal);
        at = at < 0 ? Good.IndexOf(field + ":", StringComparison.Ordinal) : at;
        var start = at + field.Length + 1;
        var end = start;
        var depth = 0;
        for (; end < Good.Length; end++)
        {
            var c = Good[end];
            depth += c is '{' or '[' ? 1 : c is '}' or ']' ? -1 : 0;
            if (depth < 0 || (depth == 0 && c == ',' && Good[start] != '"') || (Good[start] == '"' && end > start && c == '"'))
            {
                break;
            }
        }

        end = Good[start] == '"' ? end + 1 : end;
        return string.Concat(Good.AsSpan(0, start), Pick(OddValues), Good.AsSpan(end));
    }

    private string DuplicateKeys() => Pick([
        Good.Replace("{\"version\":{\"major\":5,\"minor\":3},", "{\"version\":{\"major\":5,\"minor\":3},\"version\":{\"major\":3},", StringComparison.Ordinal),
        Good.Replace("\"id\":\"acme:t1\"", "\"id\":\"acme:t1\",\"id\":\"other:t1\"", StringComparison.Ordinal),
        Good.Replace("\"origin\":\"acme\",\"tree_name\"", "\"origin\":\"acme\",\"origin\":\"other\",\"tree_name\"", StringComparison.Ordinal),
        Good.Replace("\"tests\":[", "\"tests\":[],\"tests\":[", StringComparison.Ordinal),
        Good.Replace("\"status\":\"FAIL\"", "\"status\":\"FAIL\",\"status\":{}", StringComparison.Ordinal),
        Good.Replace("\"value\":2", "\"value\":2,\"value\":1e400", StringComparison.Ordinal)]);

    private byte[] InvalidUtf8()
    {
        var text = Encoding.UTF8.GetBytes(Good);
        var at = Array.IndexOf(text, (byte)'m', random.Next(text.Length / 2));
        byte[][] bad = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]];
        return [.. text.AsSpan(0, at < 0 ? 10 : at), .. Pick(bad), .. text.AsSpan(at < 0 ? 10 : at)];
    }

    private static string Nested(int depth) =>
        Good.Replace("\"misc\":{\"a\":[1,2]}", "\"misc\":" + new string('[', depth) + new string(']', depth), StringComparison.Ordinal);

    private FuzzRequest BadToken()
    {
        var header = Pick<string?>([null, "", "garbage", "Bearer", "Bearer ", "Bearer eyJhbGciOiJub25lIn0.eyJvcmlnaW4iOiJhY21lIn0.",
            "Bearer " + otherToken(false), "Bearer " + otherToken(true), Authorization + "x", "Bearer " + new string('a', 20_000),
            "Bearer a.b.c", "Basic YWNtZTp4", "Bearer " + token[..^5] + "AAAAA", "bearer " + token]);
        return new FuzzRequest("bad token", Pick([HttpMethod.Post, HttpMethod.Get]), Pick(["/submit", "/status?id=abc", "/authtest"]), header,
            Encoding.UTF8.GetBytes(Good));
    }

    private FuzzRequest Status() => new("status", HttpMethod.Get,
        "/status" + Pick(["", "?id=", "?id=..%2F..%2Fetc", "?id=" + new string('a', 5000), "?id=%ED%A0%80", "?id=a&id=b", "?id=%00",
            "?id=submission-x.json", "?id=" + random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture), "?id=%E2%82%AC"]), Authorization, null);

    private FuzzRequest Query()
    {
        var path = new StringBuilder(Pick(Endpoints));
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            path.Append(n == 1 && path.ToString().Contains('?', StringComparison.Ordinal) ? '&' : path.ToString().Contains('?', StringComparison.Ordinal) ? '&' : '?');
            path.Append(Pick(Parameters)).Append('=').Append(Pick(ParameterValues));
        }

        return new FuzzRequest("query", HttpMethod.Get, path.ToString(), null, null);
    }

    private FuzzRequest OddRoute()
    {
        var method = Pick([HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Options, HttpMethod.Head, new HttpMethod("PROPFIND"),
            HttpMethod.Get, HttpMethod.Post]);
        var path = Pick(["/submit", "/status", "/api/query", "/api/tests", "/api/nothing", "/api/builds/%00/summary", "/api/checkouts/%ED%A0%80/summary",
            "//submit", "/submit/..", "/api/builds/" + new string('b', 10_000) + "/summary", "/%2e%2e/etc/passwd", "/metrics", "/health", "/",
            "/openapi.json", "/api/tests?limit=10&limit=20", "/api/query?checkout=" + new string('c', 50_000)]);
        return new FuzzRequest("odd route", method, path, Authorization, method == HttpMethod.Get || method == HttpMethod.Head ? null : Damage(Encoding.UTF8.GetBytes(Good)));
    }
}
