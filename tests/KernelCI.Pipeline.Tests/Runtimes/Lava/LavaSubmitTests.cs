using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Pipeline.Labs;
using KernelCI.Pipeline.Runtimes.Lava;
using KernelCI.Testing;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava;

public sealed class LavaSubmitTests
{
    public LavaSubmitTests() => LavaRuntime.SubmitRetryDelay = TimeSpan.FromMilliseconds(10);

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Submission_posts_the_definition_with_the_runtime_token_and_records_the_job_id(DatabaseKind kind)
    {
        await using var harness = await LavaHarness.StartAsync(kind);
        var request = await harness.JobAsync();

        var jobId = await harness.Runtime().SubmitAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("42", jobId);
        var post = Assert.Single(harness.Lava.Requests);
        Assert.Equal(("POST", "/api/v0.2/jobs/", $"Token {LavaHarness.RuntimeToken}"), (post.Method, post.PathAndQuery, post.Authorization));
        var definition = JsonNode.Parse(post.Body)!["definition"]!.ToString();
        Assert.Contains($"url: http://pipeline.test:8002/node/{request.Node.Id}", definition, StringComparison.Ordinal);
        var node = await harness.Stack.Maestro.GetNodeAsync(request.Node.Id!, TestContext.Current.CancellationToken);
        Assert.Equal("42", node!.Data["job_id"]?.ToString());
    }

    [Fact]
    public async Task Submission_records_when_the_lab_accepted_the_job()
    {
        await using var harness = await LavaHarness.StartAsync(DatabaseKind.Sqlite);
        var request = await harness.JobAsync();
        var before = DateTimeOffset.UtcNow;

        await harness.Runtime().SubmitAsync(request, TestContext.Current.CancellationToken);

        var node = await harness.Stack.Maestro.GetNodeAsync(request.Node.Id!, TestContext.Current.CancellationToken);
        var submitted = DateTimeOffset.Parse(node!.Data[JobTimes.SubmittedAt]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(submitted, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Refused_definition_is_not_tried_again_and_names_LAVA_s_reason()
    {
        await using var harness = await LavaHarness.StartAsync(DatabaseKind.Sqlite);
        harness.Lava.Reply = _ => (HttpStatusCode.BadRequest, """{"message":"Devices unavailable: Device type 'qemu' is unavailable."}""");
        var request = await harness.JobAsync();

        var error = await Assert.ThrowsAsync<LavaApiException>(() => harness.Runtime().SubmitAsync(request, TestContext.Current.CancellationToken));

        Assert.Single(harness.Lava.Requests);
        Assert.Contains("400: Devices unavailable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lab_that_stayed_unreachable_is_not_asked_again_during_the_cooldown()
    {
        await using var harness = await LavaHarness.StartAsync(DatabaseKind.Sqlite);
        harness.Lava.Refusing = true;
        var runtime = harness.Runtime();
        await Assert.ThrowsAsync<LavaApiException>(async () => await runtime.SubmitAsync(await harness.JobAsync(), TestContext.Current.CancellationToken));

        var error = await Assert.ThrowsAsync<LavaApiException>(async () => await runtime.SubmitAsync(await harness.JobAsync(), TestContext.Current.CancellationToken));

        Assert.Equal(3, harness.Lava.Requests.Count);
        Assert.Contains("lava-test: not asked before", error.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_gate_of_a_lab_that_stayed_unreachable_admits_without_asking()
    {
        await using var harness = await LavaHarness.StartAsync(DatabaseKind.Sqlite);
        harness.Lava.Refusing = true;
        var runtime = harness.Runtime();
        var request = await harness.JobAsync();
        await Assert.ThrowsAsync<LavaApiException>(() => runtime.SubmitAsync(request, TestContext.Current.CancellationToken));

        var admitted = await runtime.AdmitsAsync(request.Job, request.Platform, request.Node, TestContext.Current.CancellationToken);

        Assert.True(admitted);
        Assert.Equal(3, harness.Lava.Requests.Count);
    }

    [Fact]
    public async Task Lab_answering_5xx_is_still_asked_for_the_next_job()
    {
        await using var harness = await LavaHarness.StartAsync(DatabaseKind.Sqlite);
        harness.Lava.Reply = _ => (HttpStatusCode.BadGateway, "<html>bad gateway</html>");
        var runtime = harness.Runtime();
        await Assert.ThrowsAsync<LavaApiException>(async () => await runtime.SubmitAsync(await harness.JobAsync(), TestContext.Current.CancellationToken));

        await Assert.ThrowsAsync<LavaApiException>(async () => await runtime.SubmitAsync(await harness.JobAsync(), TestContext.Current.CancellationToken));

        Assert.Equal(6, harness.Lava.Requests.Count);
    }

    [Fact]
    public async Task Lab_answering_5xx_is_tried_three_times_then_fails()
    {
        await using var harness = await LavaHarness.StartAsync(DatabaseKind.Sqlite);
        harness.Lava.Reply = _ => (HttpStatusCode.BadGateway, "<html>bad gateway</html>");
        var request = await harness.JobAsync();

        var error = await Assert.ThrowsAsync<LavaApiException>(() => harness.Runtime().SubmitAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(3, harness.Lava.Requests.Count);
        Assert.Equal(HttpStatusCode.BadGateway, error.Status);
    }

    [Fact]
    public async Task Lab_answering_5xx_once_gets_the_job_on_the_next_attempt()
    {
        await using var harness = await LavaHarness.StartAsync(DatabaseKind.Sqlite);
        var calls = 0;
        harness.Lava.Reply = r => Interlocked.Increment(ref calls) == 1 ? (HttpStatusCode.ServiceUnavailable, "") : FakeLava.Default(r);
        var request = await harness.JobAsync();

        Assert.Equal("42", await harness.Runtime().SubmitAsync(request, TestContext.Current.CancellationToken));
        Assert.Equal(2, harness.Lava.Requests.Count);
    }

    [Fact]
    public async Task Reply_without_job_ids_is_an_error()
    {
        await using var harness = await LavaHarness.StartAsync(DatabaseKind.Sqlite);
        harness.Lava.Reply = _ => (HttpStatusCode.Created, """{"message":"ok"}""");
        var request = await harness.JobAsync();

        var error = await Assert.ThrowsAsync<LavaApiException>(() => harness.Runtime().SubmitAsync(request, TestContext.Current.CancellationToken));

        Assert.Contains("job_ids", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runtime_token_never_reaches_the_logs_or_the_errors()
    {
        await using var harness = await LavaHarness.StartAsync(DatabaseKind.Sqlite);
        harness.Lava.Reply = r => (HttpStatusCode.Forbidden, $$"""{"detail":"Invalid token.","echo":"{{r.Authorization}}"}""");
        var request = await harness.JobAsync();
        var runtime = harness.Runtime();

        var error = await Assert.ThrowsAsync<LavaApiException>(() => runtime.SubmitAsync(request, TestContext.Current.CancellationToken));
        await runtime.AdmitsAsync(request.Job, request.Platform, request.Node, TestContext.Current.CancellationToken);
        await runtime.CancelAsync("42", request.Node.Id, TestContext.Current.CancellationToken);

        Assert.NotEmpty(harness.Logs.Lines);
        Assert.DoesNotContain(LavaHarness.RuntimeToken, error.ToString(), StringComparison.Ordinal);
        Assert.All(harness.Logs.Lines, line => Assert.DoesNotContain(LavaHarness.RuntimeToken, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancel_asks_LAVA_to_cancel_the_job()
    {
        await using var harness = await LavaHarness.StartAsync(DatabaseKind.Sqlite);

        await harness.Runtime().CancelAsync("42", "node-1", TestContext.Current.CancellationToken);

        var cancel = Assert.Single(harness.Lava.Requests);
        Assert.Equal(("GET", "/api/v0.2/jobs/42/cancel/"), (cancel.Method, cancel.PathAndQuery));
    }
}
