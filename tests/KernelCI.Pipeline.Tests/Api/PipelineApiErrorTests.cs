using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Pipeline.Api;
using KernelCI.Pipeline.Tests.Services.SendKcidb;
using KernelCI.Pipeline.Tests.Stack;

namespace KernelCI.Pipeline.Tests.Api;

/// <summary>Bad input to the pipeline API is a 4xx with a message, never a 500.</summary>
public sealed class PipelineApiErrorTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public async Task Duplicate_keys_in_the_body_are_400()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, reply) = await api.PostRawAsync("api/checkout", Json(
            $$"""{"url":"https://git.example.org/linux.git","branch":"main","commit":"{{Commit}}","commit":"{{Commit}}"}"""), api.Token("checkout"));

        Assert.Equal(400, status);
        Assert.StartsWith("body: not valid JSON", reply!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_over_the_limit_is_413_before_it_is_parsed()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var huge = $$"""{"url":"https://git.example.org/linux.git","branch":"{{new string('x', 2 * 1024 * 1024)}}","commit":"{{Commit}}"}""";

        var (status, reply) = await api.PostRawAsync("api/checkout", Json(huge), api.Token("checkout"));

        Assert.Equal(413, status);
        Assert.Equal("body: larger than the limit of 1048576 bytes", reply!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_413()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"x\":\"" + new string('x', 2 * 1024 * 1024) + "\"}")));
        content.Headers.ContentType = new("application/json");

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/jobretry") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation("Authorization", api.Token("testretry"));
        using var response = await api.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(413, (int)response.StatusCode);
    }

    [Fact]
    public async Task Slow_body_is_408()
    {
        await using var stack = await PipelineTestStack.StartAsync(configure: o => o with { Api = new ApiOptions { BodyTimeout = TimeSpan.FromSeconds(1) } });
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, reply) = await api.PostRawAsync("api/checkout", new SlowContent("{\"commit\":\"", TimeSpan.FromSeconds(4)), api.Token("checkout"));

        Assert.Equal(408, status);
        Assert.Equal("body: not received within 1 s", reply!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Node_Maestro_refuses_is_400_with_Maestro_s_reason()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, reply) = await api.PostAsync("api/checkout",
            new JsonObject { ["url"] = "not a url", ["branch"] = "main", ["commit"] = Commit }, api.Token("checkout"));

        Assert.Equal(400, status);
        Assert.Contains("url", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/patchset", "patchset")]
    [InlineData("api/jobretry", "testretry")]
    [InlineData("api/checkout", "checkout")]
    public async Task Unknown_node_is_404_naming_nodeid(string path, string permission)
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, reply) = await api.PostAsync(path, new JsonObject
        {
            ["nodeid"] = "0123456789abcdef01234567", ["patch"] = new JsonArray("--- a/x\n+++ b/x\n"), ["commit"] = Commit,
        }, api.Token(permission));

        Assert.Equal(404, status);
        Assert.Equal("nodeid: node 0123456789abcdef01234567 not found", reply["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_node_id_is_400_naming_nodeid()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, reply) = await api.PostAsync("api/jobretry", new JsonObject { ["nodeid"] = "../../users" }, api.Token("testretry"));

        Assert.Equal(400, status);
        Assert.StartsWith("nodeid: '../../users' is not a node id", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_url_outside_the_allowed_origins_is_400()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var checkout = await stack.Maestro.CreateNodeAsync(SendKcidbTests.Checkout("available"), TestContext.Current.CancellationToken);
        var storage = new Uri(stack.Options.StorageUrl!);

        var (status, reply) = await api.PostAsync("api/patchset", new JsonObject
        {
            ["nodeid"] = checkout.Id, ["patchurl"] = new JsonArray($"http://{storage.Host}:{storage.Port - 3}/admin"),
        }, api.Token("patchset"));

        Assert.Equal(400, status);
        Assert.Equal($"patchurl[0]: 'http://{storage.Host}:{storage.Port - 3}' is not the storage origin nor an allowed origin",
            reply["message"]!.GetValue<string>());
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Invalid_api_limit_stops_the_api_at_start()
    {
        await using var stack = await PipelineTestStack.StartAsync(configure: o => o with { Api = new ApiOptions { MaxBodyBytes = 0 } });

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () => await PipelineApiHost.StartAsync(stack));

        Assert.StartsWith("Pipeline:Api:MaxBodyBytes: ", error.Message);
    }

    [Fact]
    public async Task Invalid_api_limit_stops_the_component_at_start()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        var component = new PipelineComponent(stack.Options with { Api = new ApiOptions { MaxPatchsetBodyBytes = -1 } });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => KernelCI.ServiceDefaults.ComponentApp.Build(component, stack.Context, _ => { }));

        Assert.StartsWith("Pipeline:Api:MaxPatchsetBodyBytes: ", error.Message);
    }
}
