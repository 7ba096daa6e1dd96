using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests.Nodes;

/// <summary>Client regular expressions (`__re`, `/events?path=`) are bounded: linear matching, 400 for bad ones.</summary>
public sealed class PatternFilterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<MaestroTestApp> SeededAsync(DatabaseKind kind)
    {
        var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("pipeline");
        var name = new string('a', 40) + "!";
        var body = new JsonObject
        {
            ["kind"] = "checkout", ["name"] = name, ["path"] = new JsonArray(name), ["data"] = new JsonObject { ["label"] = name },
        };
        Assert.Equal(HttpStatusCode.OK, (await app.SendAsync(HttpMethod.Post, "node", token, body.ToJsonString())).StatusCode);
        return app;
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(MaestroTestApp app, string path)
    {
        var response = await app.SendAsync(HttpMethod.Get, path, null);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Catastrophic_pattern_on_a_column_matches_in_linear_time(DatabaseKind kind)
    {
        await using var app = await SeededAsync(kind);

        var (status, body) = await GetAsync(app, "count?name__re=" + Uri.EscapeDataString("^(a+)+$"));

        Assert.Equal((HttpStatusCode.OK, "0"), (status, body));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Catastrophic_pattern_on_a_data_field_matches_in_linear_time(DatabaseKind kind)
    {
        await using var app = await SeededAsync(kind);

        var (status, body) = await GetAsync(app, "nodes?data.label__re=" + Uri.EscapeDataString("^(a|aa)*$"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, JsonNode.Parse(body)!["total"]!.GetValue<long>());
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Backreference_is_a_400_naming_the_parameter(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);

        var (status, body) = await GetAsync(app, "nodes?name__re=" + Uri.EscapeDataString(@"^(a+)\1$"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("name__re:", JsonNode.Parse(body)!["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Pattern_too_large_to_compile_is_a_400_naming_the_parameter(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);

        var (status, body) = await GetAsync(app, "nodes?name__re=" + Uri.EscapeDataString("((a{1,1000}){1,1000}){1,1000}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("name__re:", JsonNode.Parse(body)!["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Overlong_pattern_is_a_400_naming_the_parameter(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);

        var (status, body) = await GetAsync(app, "nodes?data.arch__re=" + new string('a', FilterPattern.MaxLength + 1));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("data.arch__re:", JsonNode.Parse(body)!["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Events_path_with_an_invalid_pattern_is_a_400_naming_path(DatabaseKind kind)
    {
        await using var app = await SeededAsync(kind);

        var (status, body) = await GetAsync(app, "events?path=(");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("path:", JsonNode.Parse(body)!["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Events_path_with_a_catastrophic_pattern_answers(DatabaseKind kind)
    {
        await using var app = await SeededAsync(kind);

        var (status, body) = await GetAsync(app, "events?path=" + Uri.EscapeDataString("(a+)+$"));

        Assert.Equal((HttpStatusCode.OK, "[]"), (status, body));
    }

    [Fact]
    public async Task Pattern_postgres_refuses_is_a_400_naming_the_parameter()
    {
        await using var app = await SeededAsync(DatabaseKind.PostgreSql);

        // .NET accepts a named group; PostgreSQL's regular expressions have none.
        var (status, body) = await GetAsync(app, "nodes?name__re=" + Uri.EscapeDataString("(?<n>a)"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("name__re:", JsonNode.Parse(body)!["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pattern_slower_than_the_timeout_on_postgres_is_a_400_naming_the_parameter()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.PostgreSql, new MaestroOptions { PatternTimeout = TimeSpan.FromMilliseconds(200) });
        var token = await app.TokenAsync("pipeline");
        var body = JsonNode.Parse(SampleNodes.CheckoutJson())!.AsObject();
        body["data"]!["label"] = new string('a', 50_000);
        Assert.Equal(HttpStatusCode.OK, (await app.SendAsync(HttpMethod.Post, "node", token, body.ToJsonString())).StatusCode);

        // PostgreSQL's engine takes seconds per row on this one (4.7 s measured); .NET's matches it in linear time.
        var (status, detail) = await GetAsync(app, "count?data.label__re=" + Uri.EscapeDataString("(.*){1,255}(.*){1,255}b"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("data.label__re: matching", JsonNode.Parse(detail)!["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Plain_patterns_still_match(DatabaseKind kind)
    {
        await using var app = await SeededAsync(kind);

        var (status, body) = await GetAsync(app, "count?name__re=" + Uri.EscapeDataString("^a{10,}!$"));

        Assert.Equal((HttpStatusCode.OK, "1"), (status, body));
    }
}
