using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Queries;

public sealed class BadParameterTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Bad_query_parameters_get_400_naming_the_parameter(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        (string Url, string Parameter)[] cases =
        [
            ("/api/query?issue=o:i", "issue_version"),
            ("/api/query?issue=o:i&issue_version=x", "issue_version"),
            ("/api/query?issue=o:i&issue_version=-1", "issue_version"),
            ("/api/query?children=maybe", "children"),
            ("/api/query?checkout=", "checkout"),
            ("/api/query?checkouts=o:c", "checkouts"),
            ("/api/tests?limit=0", "limit"),
            ("/api/tests?limit=1001", "limit"),
            ("/api/tests?limit=ten", "limit"),
            ("/api/tests?status=BROKEN", "status"),
            ("/api/builds?status=pass", "status"),
            ("/api/tests?since=yesterday", "since"),
            ("/api/checkouts?until=2024-13-01T00:00:00Z", "until"),
            ("/api/tests?cursor=notacursor", "cursor"),
            ("/api/tests?cursor=eyJ0IjoxfQ", "cursor"),
            ("/api/tests?cursor=" + Cursor("""{"t":null,"i":"\ud800","v":0}"""), "cursor"),
            ("/api/tests?cursor=" + Cursor("""{"t":"0001-01-01T00:00:00+14:00","i":"a","v":0}"""), "cursor"),
            ("/api/issues?cursor=" + Cursor("""{"t":null,"i":"a","v":1e400}"""), "cursor"),
            ("/api/issues?cursor=" + Cursor("""{"t":null,"i":"a","v":"x"}"""), "cursor"),
            ("/api/tests?origin=a&origin=b", "origin"),
            ("/api/tests?build_id=a%00b", "build_id"),
            ("/api/issues?since=2024-01-01T00:00:00Z", "since"),
            ("/api/incidents?architecture=x86_64", "architecture"),
        ];

        foreach (var (url, parameter) in cases)
        {
            var (status, detail) = await api.GetErrorAsync(url);
            Assert.True(status == 400, $"{url}: {status}");
            Assert.StartsWith(parameter + ":", detail, StringComparison.Ordinal);
        }
    }

    // A cursor is the server's own base64url JSON, but a client can send any.
    private static string Cursor(string json) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json));
}
