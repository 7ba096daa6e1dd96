using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KernelCI.Data;
using KernelCI.Kcidb.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Kcidb.Tests.Submissions;

public sealed class SubmitApiTests
{
    private const string EmptyReport = """{"version":{"major":5,"minor":3}}""";

    private static Task<KcidbTestApp> StartAsync(KcidbOptions? options = null) =>
        KcidbTestApp.StartAsync(DatabaseKind.Sqlite, (options ?? new KcidbOptions()) with { RunIngester = false });

    [Fact]
    public async Task Submit_without_token_is_rejected_with_401()
    {
        await using var app = await StartAsync();

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", null, EmptyReport));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var reply = await response.Content.ReadFromJsonAsync<SubmissionReply>();
        Assert.Equal(new SubmissionReply("0", "error", "missing Authorization: Bearer <token> header"), reply);
    }

    [Fact]
    public async Task Submit_with_token_signed_by_another_secret_is_rejected()
    {
        await using var app = await StartAsync();
        var forged = SubmissionAuthenticator.IssueToken("not-the-secret", "acme", false, DateTimeOffset.UtcNow.AddHours(1));

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", forged, EmptyReport));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("signature", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_with_expired_token_is_rejected()
    {
        await using var app = await StartAsync();

        using var response = await app.Client.SendAsync(
            app.Request(HttpMethod.Post, "/submit", app.Token("acme", validFor: TimeSpan.FromMinutes(-1)), EmptyReport));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_of_non_json_is_rejected_with_400_and_nothing_spooled()
    {
        await using var app = await StartAsync();

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", app.Token("acme"), "{\"version\": "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reply = await response.Content.ReadFromJsonAsync<SubmissionReply>();
        Assert.Equal("error", reply!.Status);
        Assert.Contains("JSON", reply.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(app.Spool.Root));
    }

    [Fact]
    public async Task Submit_with_a_raw_NUL_byte_is_rejected_with_400()
    {
        await using var app = await StartAsync();

        using var response = await app.Client.SendAsync(
            app.Request(HttpMethod.Post, "/submit", app.Token("acme"), "{\"version\":{\"major\":5,\"minor\":3}\u0000}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Directory.GetFiles(app.Spool.Root));
    }

    [Theory]
    [InlineData("\\ud800", "surrogate without its pair")]
    [InlineData("\\udc00", "surrogate without its pair")]
    [InlineData("\\u0000", "\\u0000 (NUL)")]
    public async Task Submit_with_a_string_no_database_can_hold_is_rejected_with_400_naming_the_problem(string escape, string problem)
    {
        await using var app = await StartAsync();
        var body = $$"""{"version":{"major":5,"minor":3},"checkouts":[{"id":"acme:x","origin":"acme","comment":"{{escape}}"}]}""";

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", app.Token("acme"), body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, (await response.Content.ReadFromJsonAsync<SubmissionReply>())!.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(app.Spool.Root));
    }

    [Fact]
    public async Task Submit_of_invalid_utf8_is_rejected_with_400()
    {
        await using var app = await StartAsync();
        using var request = app.Request(HttpMethod.Post, "/submit", app.Token("acme"));
        request.Content = new ByteArrayContent([.. "{\"version\":{\"major\":5,\"minor\":3},\"x\":\""u8, 0xC3, 0x28, .. "\"}"u8]);

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("the body is not valid UTF-8", (await response.Content.ReadFromJsonAsync<SubmissionReply>())!.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(app.Spool.Root));
    }

    [Fact]
    public async Task Submit_over_the_size_limit_is_rejected_with_413()
    {
        await using var app = await StartAsync(new KcidbOptions { MaxSubmissionBytes = 1024 });
        var big = "{\"version\":{\"major\":5},\"checkouts\":[" + string.Join(',', Enumerable.Repeat("{}", 1000)) + "]}";

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", app.Token("acme"), big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Directory.GetFiles(app.Spool.Root));
    }

    [Fact]
    public async Task Submit_of_json_answers_ok_once_the_file_is_in_the_spool()
    {
        await using var app = await StartAsync();

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", app.Token("acme"), EmptyReport));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await response.Content.ReadFromJsonAsync<SubmissionReply>();
        Assert.Equal("ok", reply!.Status);
        Assert.Equal($"Received submission {reply.Id} with size {EmptyReport.Length} bytes", reply.Message);
        Assert.Equal(EmptyReport, await File.ReadAllTextAsync(Path.Combine(app.Spool.Root, $"submission-{reply.Id}.json")));
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task Submit_accepts_json_whatever_content_type_it_is_labelled_with(string? contentType)
    {
        await using var app = await StartAsync();
        using var request = app.Request(HttpMethod.Post, "/submit", app.Token("acme"));
        request.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(EmptyReport));
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Status_of_a_spooled_submission_is_ready()
    {
        await using var app = await StartAsync();
        var token = app.Token("acme");
        using var submitted = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", token, EmptyReport));
        var id = (await submitted.Content.ReadFromJsonAsync<SubmissionReply>())!.Id;

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Get, $"/status?id={id}", token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new StatusReply(id, "ready"), await response.Content.ReadFromJsonAsync<StatusReply>());
    }

    [Fact]
    public async Task Status_of_an_unknown_id_is_404_notfound()
    {
        await using var app = await StartAsync();

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Get, "/status?id=abc123", app.Token("acme")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("notfound", (await response.Content.ReadFromJsonAsync<StatusReply>())!.Status);
    }

    [Theory]
    [InlineData("/status")]
    [InlineData("/status?id=")]
    [InlineData("/status?id=../etc")]
    public async Task Status_without_a_valid_id_is_400(string path)
    {
        await using var app = await StartAsync();

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Get, path, app.Token("acme")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("id:", (await response.Content.ReadFromJsonAsync<SubmissionReply>())!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_without_token_is_401()
    {
        await using var app = await StartAsync();

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Get, "/status?id=abc", null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Authtest_answers_ok_for_a_good_token_and_401_otherwise()
    {
        await using var app = await StartAsync();

        using var good = await app.Client.SendAsync(app.Request(HttpMethod.Get, "/authtest", app.Token("acme")));
        using var bad = await app.Client.SendAsync(app.Request(HttpMethod.Get, "/authtest", "garbage"));

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task Metrics_count_accepted_submissions_by_origin()
    {
        await using var app = await StartAsync();
        using var _ = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", app.Token("acme"), EmptyReport));

        var metrics = await app.Client.GetStringAsync("/metrics");

        Assert.Contains("kcidb_submissions_total 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("kcidb_submissions_by_origin{origin=\"acme\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("kcidb_spool_json_files 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_counts_in_the_component_meter()
    {
        await using var app = await StartAsync();
        using var _ = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", app.Token("acme"), EmptyReport));
        using var refused = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", null, EmptyReport));

        var values = MetricReading.Read(app.App.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

        Assert.Equal(1, values["kcidb_submissions_total"]);
        Assert.Equal(1, values["kcidb_submissions_by_origin{origin=\"acme\"}"]);
        Assert.Equal(1, values["kcidb_errors_total{kind=\"user\"}"]);
        Assert.Equal(1, values["kcidb_spool_json_files"]);
    }

    [Fact]
    public async Task Health_and_openapi_are_served()
    {
        await using var app = await StartAsync();

        Assert.Equal("OK", await app.Client.GetStringAsync("/health"));
        using var openApi = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi.json"));
        Assert.True(openApi.RootElement.GetProperty("paths").TryGetProperty("/submit", out _));
    }
}
