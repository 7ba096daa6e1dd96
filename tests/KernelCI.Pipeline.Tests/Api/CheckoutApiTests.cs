using System.Text.Json.Nodes;
using KernelCI.Pipeline.Tests.Stack;

namespace KernelCI.Pipeline.Tests.Api;

public sealed class CheckoutApiTests
{
    private static readonly string Commit = new('b', 40);

    [Fact]
    public async Task Checkout_with_a_raw_token_creates_a_checkout_node_for_the_developer()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, reply) = await api.PostAsync("api/checkout", Request(), api.Token("checkout"));

        Assert.Equal(200, status);
        Assert.Equal("OK", reply["message"]!.GetValue<string>());
        var node = await stack.Maestro.GetNodeAsync(reply["node"]!["id"]!.GetValue<string>(), TestContext.Current.CancellationToken);
        Assert.NotNull(node);
        Assert.Equal("checkout", node.Kind);
        Assert.Equal("running", node.State);
        Assert.Equal("user:dev@example.org", node.Submitter);
        Assert.Equal(reply["node"]!["treeid"]!.GetValue<string>(), node.Treeid);
        Assert.False(node.Data["kernel_revision"]!["tip_of_branch"]!.GetValue<bool>());
        Assert.Equal(Commit, node.Data["kernel_revision"]!["commit"]!.GetValue<string>());
        Assert.Equal(["kbuild-gcc-x86", "baseline-x86"], node.Jobfilter);
        Assert.Equal(["qemu-x86_64"], node.PlatformFilter);
        Assert.InRange(node.Timeout!.Value, DateTime.UtcNow.AddMinutes(290), DateTime.UtcNow.AddMinutes(310));
    }

    [Fact]
    public async Task Checkout_accepts_a_Bearer_token()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, _) = await api.PostAsync("api/checkout", Request(), api.Token("checkout"), bearer: true);

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Checkout_from_a_node_takes_its_tree_url_and_branch()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var (_, first) = await api.PostAsync("api/checkout", Request(), api.Token("checkout"));

        var (status, reply) = await api.PostAsync("api/checkout",
            new JsonObject { ["nodeid"] = first["node"]!["id"]!.GetValue<string>(), ["commit"] = new string('c', 40) }, api.Token("checkout"));

        Assert.Equal(200, status);
        var revision = reply["node"]!["data"]!["kernel_revision"]!;
        Assert.Equal("https://git.example.org/linux.git", revision["url"]!.GetValue<string>());
        Assert.Equal("main", revision["branch"]!.GetValue<string>());
        Assert.Equal("linux", revision["tree"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_token_is_401()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, reply) = await api.PostAsync("api/checkout", Request(), token: null);

        Assert.Equal(401, status);
        Assert.Contains("Authorization", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_without_the_checkout_permission_is_401()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, reply) = await api.PostAsync("api/checkout", Request(), api.Token("patchset"));

        Assert.Equal(401, status);
        Assert.Contains("'checkout' permission", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_signed_with_another_secret_is_401()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var forged = KernelCI.Pipeline.Api.PipelineTokens.Issue("not-the-secret", "dev@example.org", ["checkout"], null);

        var (status, _) = await api.PostAsync("api/checkout", Request(), forged);

        Assert.Equal(401, status);
    }

    [Theory]
    [InlineData("jobfilter", "no-such-job", "jobfilter: unknown job 'no-such-job'")]
    [InlineData("platformfilter", "no-such-board", "platformfilter: unknown platform 'no-such-board'")]
    public async Task Unknown_filter_name_is_400_naming_it(string field, string name, string message)
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var request = Request();
        request[field] = new JsonArray(name);

        var (status, reply) = await api.PostAsync("api/checkout", request, api.Token("checkout"));

        Assert.Equal(400, status);
        Assert.Equal(message, reply["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task More_than_8_job_filters_is_400()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var request = Request();
        request["jobfilter"] = new JsonArray([.. Enumerable.Repeat<JsonNode>("baseline-x86", 9).Select(n => n.DeepClone())]);

        var (status, reply) = await api.PostAsync("api/checkout", request, api.Token("checkout"));

        Assert.Equal(400, status);
        Assert.StartsWith("jobfilter: at most 8", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("commit", "not-a-sha")]
    [InlineData("url", null)]
    [InlineData("branch", null)]
    public async Task Bad_or_missing_field_is_400_naming_it(string field, string? value)
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var request = Request();
        request[field] = value;

        var (status, reply) = await api.PostAsync("api/checkout", request, api.Token("checkout"));

        Assert.Equal(400, status);
        Assert.StartsWith(field + ":", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static JsonObject Request() => new()
    {
        ["url"] = "https://git.example.org/linux.git",
        ["branch"] = "main",
        ["commit"] = Commit,
        ["jobfilter"] = new JsonArray("kbuild-gcc-x86", "baseline-x86"),
        ["platformfilter"] = new JsonArray("qemu-x86_64"),
    };
}
