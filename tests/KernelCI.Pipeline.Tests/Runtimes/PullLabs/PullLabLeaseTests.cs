using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Pipeline.Runtimes.PullLabs;
using KernelCI.Pipeline.Services.JobRetry;
using KernelCI.Pipeline.Tests.Runtimes.Lava.Callback;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.Pipeline.Tests.Runtimes.PullLabs;

/// <summary>A claim's lease on the lab API's clock (docs/labs.md, "Leases and re-claims"). The jobs queued here have
/// job_timeout 5 minutes, so with the defaults a lease is 5 + 5 minutes and a job is claimed at most 3 times.</summary>
public sealed class PullLabLeaseTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static async Task<(PipelineTestStack Stack, PullHost Host, FakeTimeProvider Clock)> StartAsync(DatabaseKind kind)
    {
        var stack = await PipelineTestStack.StartAsync(kind);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return (stack, await PullHost.StartAsync(stack, clock), clock);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_claim_whose_lease_ran_out_is_claimed_again_by_another_worker(DatabaseKind kind)
    {
        var (stack, host, clock) = await StartAsync(kind);
        await using var _ = stack;
        await using var __ = host;
        var node = await host.QueueAsync();
        var first = await host.ClaimAsync(node.Id!, worker: "w1");
        var before = await host.ClaimAsync(node.Id!, worker: "w2");

        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var (status, body) = await host.ClaimAsync(node.Id!, worker: "w2");

        Assert.Equal((200, 409, 200), (first.Status, before.Status, status));
        Assert.Equal(2, JsonNode.Parse(body)!["claims"]!.GetValue<int>());
        Assert.Equal(("w2", 2), await ClaimOfAsync(host, node.Id!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task The_lease_is_the_jobs_timeout_plus_the_margin(DatabaseKind kind)
    {
        var (stack, host, clock) = await StartAsync(kind);
        await using var _ = stack;
        await using var __ = host;
        var node = await host.QueueAsync();

        var (_, body) = await host.ClaimAsync(node.Id!);

        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(5) + PullLabSettings.LeaseMargin,
            JsonNode.Parse(body)!["lease_until"]!.GetValue<DateTimeOffset>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Progress_renews_the_lease_so_the_job_is_not_handed_out_again(DatabaseKind kind)
    {
        var (stack, host, clock) = await StartAsync(kind);
        await using var _ = stack;
        await using var __ = host;
        var node = await host.QueueAsync();
        await host.ClaimAsync(node.Id!, worker: "w1");
        clock.Advance(Lease - TimeSpan.FromMinutes(1));

        var progress = await Progress(host, node.Id!, "w1");
        clock.Advance(TimeSpan.FromMinutes(2));
        var other = await host.ClaimAsync(node.Id!, worker: "w2");

        Assert.Equal((200, 409), (progress.Status, other.Status));
        Assert.Equal(("w1", 1), await ClaimOfAsync(host, node.Id!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Progress_from_a_worker_whose_lease_ran_out_is_refused(DatabaseKind kind)
    {
        var (stack, host, clock) = await StartAsync(kind);
        await using var _ = stack;
        await using var __ = host;
        var node = await host.QueueAsync();
        await host.ClaimAsync(node.Id!, worker: "w1");
        clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var (status, body) = await Progress(host, node.Id!, "w1");

        Assert.Equal(409, status);
        Assert.Contains("node_id: worker w1 holds no lease", body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_reported_result_ends_the_claim_and_no_lease_runs_out_on_it(DatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var (stack, host, clock) = await StartAsync(kind);
        await using var _ = stack;
        await using var __ = host;
        var node = await host.QueueAsync();
        await host.ClaimAsync(node.Id!, worker: "w1");

        var (status, _) = await host.SendAsync(HttpMethod.Post, $"node/{node.Id}", body: CallbackPayloads.Body(nodeId: node.Id!).ToJsonString());
        clock.Advance(Lease * 4);
        var again = await host.ClaimAsync(node.Id!, worker: "w2");

        Assert.Equal((202, 409), (status, again.Status));
        Assert.Equal("result", (await host.Service<PullClaimStore>().GetAsync(node.Id!, ct))!.EndedBy);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Another_lab_never_sees_a_job_whose_lease_ran_out(DatabaseKind kind)
    {
        var (stack, host, clock) = await StartAsync(kind);
        await using var _ = stack;
        await using var __ = host;
        var node = await host.QueueAsync();
        await host.ClaimAsync(node.Id!, worker: "w1");
        clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var list = await host.SendAsync(HttpMethod.Get, $"api/pull/{PullHost.OtherLab}/jobs", PullHost.OtherToken);
        var next = await host.SendAsync(HttpMethod.Post, $"api/pull/{PullHost.OtherLab}/claim", PullHost.OtherToken, """{"worker": "b1"}""");
        var byId = await host.ClaimAsync(node.Id!, PullHost.OtherLab, PullHost.OtherToken, "b1");
        var own = await host.SendAsync(HttpMethod.Get, $"api/pull/{PullHost.Lab}/jobs");

        Assert.Equal((200, 204, 404), (list.Status, next.Status, byId.Status));
        Assert.Empty(JsonNode.Parse(list.Body)!["jobs"]!.AsArray());
        Assert.Equal(node.Id, Assert.Single(JsonNode.Parse(own.Body)!["jobs"]!.AsArray())!["id"]!.ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task After_the_last_lease_the_node_ends_incomplete_with_the_infrastructure_error_the_retry_service_retries(DatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var (stack, host, clock) = await StartAsync(kind);
        await using var _ = stack;
        await using var __ = host;
        var node = await host.QueueAsync();
        await using var events = await stack.Maestro.OpenStreamAsync(new Dictionary<string, string> { ["kind"] = "job", ["state"] = "done" }, null,
            cancellationToken: ct);
        var claims = new List<int>();
        foreach (var worker in (string[])["w1", "w2", "w3"])
        {
            claims.Add((await host.ClaimAsync(node.Id!, worker: worker)).Status);
            clock.Advance(Lease + TimeSpan.FromSeconds(1));
        }

        // The last lease's timer finished the node: no request was needed.
        await WaitDoneAsync(events, node.Id!);
        var done = (await stack.Maestro.GetNodeAsync(node.Id!, ct))!;
        var fourth = await host.ClaimAsync(node.Id!, worker: "w4");

        Assert.Equal([200, 200, 200], claims);
        Assert.Equal(("done", "incomplete", "Infrastructure"), (done.State, done.Result, done.Data["error_code"]?.ToString()));
        Assert.Contains("no result in 3 claims", done.Data["error_msg"]!.ToString(), StringComparison.Ordinal);
        Assert.True(JobRetryService.Retryable(done));
        Assert.Equal(409, fourth.Status);
        Assert.Equal("lease", (await host.Service<PullClaimStore>().GetAsync(node.Id!, ct))!.EndedBy);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_blocking_claim_is_handed_the_job_when_another_workers_lease_runs_out(DatabaseKind kind)
    {
        var (stack, host, clock) = await StartAsync(kind);
        await using var _ = stack;
        await using var __ = host;
        var node = await host.QueueAsync();
        await host.ClaimAsync(node.Id!, worker: "w1");

        var waiting = host.SendAsync(HttpMethod.Post, $"api/pull/{PullHost.Lab}/claim", body: """{"worker": "w2", "wait_s": 30}""");
        // Only once the claim is waiting is the clock moved: it already looked and found nothing.
        await WaitForWorkerAsync(host, "w2");
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var (status, body) = await waiting;

        Assert.Equal(200, status);
        Assert.Equal((node.Id, 2), (JsonNode.Parse(body)!["id"]!.ToString(), JsonNode.Parse(body)!["claims"]!.GetValue<int>()));
    }

    private static Task<(int Status, string Body)> Progress(PullHost host, string nodeId, string worker) =>
        host.SendAsync(HttpMethod.Post, $"api/pull/{PullHost.Lab}/jobs/{nodeId}/progress", body: $$"""{"worker": "{{worker}}", "step": "booting"}""");

    private static async Task<(string Worker, int Claims)> ClaimOfAsync(PullHost host, string nodeId)
    {
        var claim = (await host.Service<PullClaimStore>().GetAsync(nodeId, TestContext.Current.CancellationToken))!;
        return (claim.Worker, claim.Claims);
    }

    private static async Task WaitDoneAsync(MaestroEventStream events, string nodeId)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        while ((await events.ReadAsync(limit.Token))?.NodeId != nodeId)
        {
        }
    }

    // The blocking claim records its worker as seen before it first looks.
    private static async Task WaitForWorkerAsync(PullHost host, string worker)
    {
        var store = host.Service<PullClaimStore>();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        while (!(await store.WorkersAsync(PullHost.Lab, limit.Token)).Any(w => w.Worker == worker))
        {
            await Task.Yield();
        }
    }
}
