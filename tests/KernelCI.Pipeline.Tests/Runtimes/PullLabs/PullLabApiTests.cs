using System.Text.Json.Nodes;
using KernelCI.Pipeline.Tests.Stack;

namespace KernelCI.Pipeline.Tests.Runtimes.PullLabs;

public sealed class PullLabApiTests
{
    private static async Task<(PipelineTestStack Stack, PullHost Host)> StartAsync()
    {
        var stack = await PipelineTestStack.StartAsync();
        return (stack, await PullHost.StartAsync(stack));
    }

    [Fact]
    public async Task A_lab_lists_only_its_own_waiting_jobs()
    {
        var (stack, host) = await StartAsync();
        await using var _ = stack;
        await using var __ = host;
        var mine = await host.QueueAsync();
        await host.QueueAsync(PullHost.OtherLab);

        var (status, body) = await host.SendAsync(HttpMethod.Get, $"api/pull/{PullHost.Lab}/jobs");

        Assert.Equal(200, status);
        var job = Assert.Single(JsonNode.Parse(body)!["jobs"]!.AsArray())!;
        Assert.Equal((mine.Id, "baseline-x86", "qemu-x86_64"), (job["id"]!.ToString(), job["name"]!.ToString(), job["platform"]!.ToString()));
    }

    [Fact]
    public async Task Listing_without_a_token_is_refused()
    {
        var (stack, host) = await StartAsync();
        await using var _ = stack;
        await using var __ = host;

        var (status, body) = await host.SendAsync(HttpMethod.Get, $"api/pull/{PullHost.Lab}/jobs", token: null);

        Assert.Equal(401, status);
        Assert.Contains("Unauthorized", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_with_a_wrong_token_is_refused()
    {
        var (stack, host) = await StartAsync();
        await using var _ = stack;
        await using var __ = host;

        Assert.Equal(401, (await host.SendAsync(HttpMethod.Get, $"api/pull/{PullHost.Lab}/jobs", token: "nobody's")).Status);
    }

    [Fact]
    public async Task A_lab_cannot_list_another_labs_jobs_with_its_own_token()
    {
        var (stack, host) = await StartAsync();
        await using var _ = stack;
        await using var __ = host;
        await host.QueueAsync();

        var (status, body) = await host.SendAsync(HttpMethod.Get, $"api/pull/{PullHost.Lab}/jobs", token: PullHost.OtherToken);

        Assert.Equal(401, status);
        Assert.Contains(PullHost.Lab, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lab_cannot_claim_another_labs_job()
    {
        var (stack, host) = await StartAsync();
        await using var _ = stack;
        await using var __ = host;
        var theirs = await host.QueueAsync(PullHost.OtherLab);

        var (status, body) = await host.ClaimAsync(theirs.Id!);
        var (listed, list) = await host.SendAsync(HttpMethod.Get, $"api/pull/{PullHost.OtherLab}/jobs", token: PullHost.OtherToken);

        Assert.Equal(404, status);
        Assert.Contains("node_id", body, StringComparison.Ordinal);
        Assert.Equal(200, listed);
        Assert.Single(JsonNode.Parse(list)!["jobs"]!.AsArray());
    }

    [Fact]
    public async Task A_claimed_job_is_not_claimed_again_nor_listed()
    {
        var (stack, host) = await StartAsync();
        await using var _ = stack;
        await using var __ = host;
        var node = await host.QueueAsync();

        var first = await host.ClaimAsync(node.Id!);
        var second = await host.ClaimAsync(node.Id!);
        var (_, list) = await host.SendAsync(HttpMethod.Get, $"api/pull/{PullHost.Lab}/jobs");

        Assert.Equal(200, first.Status);
        Assert.Equal(409, second.Status);
        Assert.Contains("node_id", second.Body, StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse(list)!["jobs"]!.AsArray());
    }

    [Fact]
    public async Task Claiming_an_unknown_job_is_not_found()
    {
        var (stack, host) = await StartAsync();
        await using var _ = stack;
        await using var __ = host;

        var (status, body) = await host.ClaimAsync("0123456789abcdef01234567");

        Assert.Equal(404, status);
        Assert.Contains("node_id", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claiming_a_malformed_job_id_is_a_bad_request_naming_the_field()
    {
        var (stack, host) = await StartAsync();
        await using var _ = stack;
        await using var __ = host;

        var (status, body) = await host.ClaimAsync("not-a-node");

        Assert.Equal(400, status);
        Assert.Contains("node_id", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_wait_is_a_bad_request_naming_the_field()
    {
        var (stack, host) = await StartAsync();
        await using var _ = stack;
        await using var __ = host;

        var (status, body) = await host.SendAsync(HttpMethod.Post, $"api/pull/{PullHost.Lab}/claim", body: """{"wait_s": "soon"}""");

        Assert.Equal(400, status);
        Assert.Contains("wait_s", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_lab_is_not_found_naming_the_field()
    {
        var (stack, host) = await StartAsync();
        await using var _ = stack;
        await using var __ = host;

        var (status, body) = await host.SendAsync(HttpMethod.Get, "api/pull/no-such-lab/jobs");

        Assert.Equal(404, status);
        Assert.Contains("lab", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_with_nothing_waiting_answers_no_content()
    {
        var (stack, host) = await StartAsync();
        await using var _ = stack;
        await using var __ = host;

        var (status, _) = await host.SendAsync(HttpMethod.Post, $"api/pull/{PullHost.Lab}/claim", body: """{"wait_s": 0}""");

        Assert.Equal(204, status);
    }

    [Fact]
    public async Task A_waiting_claim_gets_the_job_queued_while_it_waits()
    {
        var (stack, host) = await StartAsync();
        await using var _ = stack;
        await using var __ = host;

        var claim = host.SendAsync(HttpMethod.Post, $"api/pull/{PullHost.Lab}/claim", body: """{"worker": "w1", "wait_s": 40}""");
        var node = await host.QueueAsync();
        var (status, body) = await claim;

        Assert.Equal(200, status);
        Assert.Equal(node.Id, JsonNode.Parse(body)!["id"]!.ToString());
    }

    [Fact]
    public async Task The_document_is_served_to_its_lab()
    {
        var (stack, host) = await StartAsync();
        await using var _ = stack;
        await using var __ = host;
        var node = await host.QueueAsync();

        var (status, body) = await host.SendAsync(HttpMethod.Get, $"api/pull/{PullHost.Lab}/jobs/{node.Id}/definition");

        Assert.Equal(200, status);
        Assert.Equal("boot", JsonNode.Parse(body)!["tests"]![0]!["type"]!.ToString());
    }

    [Fact]
    public async Task A_worker_name_with_a_line_break_is_a_bad_request_naming_the_field()
    {
        var (stack, host) = await StartAsync();
        await using var _ = stack;
        await using var __ = host;

        var (status, body) = await host.SendAsync(HttpMethod.Post, $"api/pull/{PullHost.Lab}/claim", body: """{"worker": "w1\nforged log line"}""");

        Assert.Equal(400, status);
        Assert.Contains("worker", body, StringComparison.Ordinal);
    }
}
