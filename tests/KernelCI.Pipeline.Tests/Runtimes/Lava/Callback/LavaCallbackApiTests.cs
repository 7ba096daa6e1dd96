using System.Text.Json.Nodes;
using KernelCI.Pipeline.Runtimes.Lava.Callback;
using KernelCI.Pipeline.Tests.Stack;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava.Callback;

public sealed class LavaCallbackApiTests
{
    private static async Task<(int Status, string Body, long Stored)> PostAsync(Func<string, JsonObject> body, string? token = CallbackPayloads.Token,
        string? nodeId = null, string? raw = null)
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await CallbackHost.StartAsync(stack, worker: false);
        var id = nodeId ?? (await CallbackHost.JobAsync(stack)).Id!;
        var (status, reply) = raw is null ? await host.PostAsync(id, body(id), token) : await host.PostAsync(id, raw, token);
        var (waiting, _) = await host.Service<LavaCallbackStore>().CountAsync(TestContext.Current.CancellationToken);
        return (status, reply, waiting);
    }

    [Fact]
    public async Task Callback_without_a_token_is_refused()
    {
        var (status, body, stored) = await PostAsync(id => CallbackPayloads.Body(nodeId: id), token: null);
        Assert.Equal((401, 0), (status, stored));
        Assert.Contains("Unauthorized", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_with_a_wrong_token_is_refused()
    {
        var (status, _, stored) = await PostAsync(id => CallbackPayloads.Body(nodeId: id), token: "not-a-lab-token");
        Assert.Equal((401, 0), (status, stored));
    }

    [Fact]
    public async Task Callback_with_another_labs_token_is_refused()
    {
        var (status, body, stored) = await PostAsync(id => CallbackPayloads.Body(nodeId: id), token: CallbackHost.OtherToken);
        Assert.Equal((401, 0), (status, stored));
        Assert.Contains(CallbackHost.Lab, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_for_an_unknown_node_is_not_found()
    {
        var (status, body, stored) = await PostAsync(id => CallbackPayloads.Body(nodeId: id), nodeId: "0123456789abcdef01234567");
        Assert.Equal((404, 0), (status, stored));
        Assert.Contains("node_id", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_for_a_malformed_node_id_is_refused_naming_it()
    {
        var (status, body, _) = await PostAsync(id => CallbackPayloads.Body(nodeId: id), nodeId: "nope");
        Assert.Equal(400, status);
        Assert.Contains("node_id", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_of_a_job_not_finished_is_acknowledged_and_not_stored()
    {
        var (status, _, stored) = await PostAsync(id => CallbackPayloads.Body(status: 1, nodeId: id));
        Assert.Equal((202, 0), (status, stored));
    }

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "[1, 2]", "body:" },
        { "{\"status\": 2", "body:" },
        { "{\"status\": 2, \"status\": 3}", "body:" },
        { "{}", "status:" },
        { "{\"status\": \"complete\"}", "status:" },
        { "{\"status\": 9}", "status:" },
        { "{\"status\": 2, \"actual_device_id\": 7}", "actual_device_id:" },
        { "{\"status\": 2, \"results\": [\"lava\"]}", "results:" },
        { "{\"status\": 2, \"results\": {\"0_smoke\": 5}}", "results.0_smoke:" },
        { "{\"status\": 2, \"results\": {\"0_smoke\": \"- name: [unclosed\"}}", "results.0_smoke:" },
        { "{\"status\": 2, \"results\": {\"0_smoke\": \"name: uname\"}}", "results.0_smoke:" },
        { "{\"status\": 2, \"results\": {\"0_smoke\": \"- result: pass\"}}", "results.0_smoke:" },
        { "{\"status\": 2, \"results\": {\"0_smoke\": \"- name: uname\"}}", "results.0_smoke:" },
        { "{\"status\": 2, \"log\": {\"lvl\": \"target\"}}", "log:" },
        { "{\"status\": 2, \"log\": \"{not: [a list\"}", "log:" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_callback_is_refused_naming_the_field(string raw, string field)
    {
        var (status, body, stored) = await PostAsync(_ => [], raw: raw);
        Assert.Equal((400, 0), (status, stored));
        var message = JsonNode.Parse(body)!["message"]!.GetValue<string>();
        Assert.StartsWith(field, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_larger_than_the_limit_is_refused()
    {
        await using var stack = await PipelineTestStack.StartAsync(configure: o => o with { Api = o.Api with { MaxCallbackBodyBytes = 4096 } });
        await using var host = await CallbackHost.StartAsync(stack, worker: false);
        var job = await CallbackHost.JobAsync(stack);

        var (status, body) = await host.PostAsync(job.Id!, CallbackPayloads.Body(nodeId: job.Id!));

        Assert.Equal(413, status);
        Assert.Contains("body:", body, StringComparison.Ordinal);
        Assert.Equal((0L, 0L), await host.Service<LavaCallbackStore>().CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Chunked_callback_larger_than_the_limit_is_refused()
    {
        await using var stack = await PipelineTestStack.StartAsync(configure: o => o with { Api = o.Api with { MaxCallbackBodyBytes = 4096 } });
        await using var host = await CallbackHost.StartAsync(stack, worker: false);
        var job = await CallbackHost.JobAsync(stack);
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(CallbackPayloads.Body(nodeId: job.Id!).ToJsonString())));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "node/" + job.Id) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation("Authorization", CallbackPayloads.Token);

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(413, (int)response.StatusCode);
        Assert.Equal((0L, 0L), await host.Service<LavaCallbackStore>().CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Callback_for_a_node_that_is_not_a_job_is_refused_naming_it()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await CallbackHost.StartAsync(stack, worker: false);
        var kbuild = await stack.Maestro.GetNodeAsync((await CallbackHost.JobAsync(stack)).Parent!, TestContext.Current.CancellationToken);
        var checkout = kbuild!.Parent!;

        var (status, body) = await host.PostAsync(checkout, CallbackPayloads.Body(nodeId: checkout));

        Assert.Equal(400, status);
        Assert.StartsWith("node_id:", JsonNode.Parse(body)!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((0L, 0L), await host.Service<LavaCallbackStore>().CountAsync(TestContext.Current.CancellationToken));
    }
}
