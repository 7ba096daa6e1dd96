using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Git;
using KernelCI.Pipeline.Tests.Services.SendKcidb;
using KernelCI.Pipeline.Tests.Stack;

namespace KernelCI.Pipeline.Tests.Api;

/// <summary>Which trees and URLs developer requests may name (docs/pipeline.md, "Accepted URLs and tree names").</summary>
public sealed class CheckoutSourceTests
{
    private static readonly string Commit = new('b', 40);

    /// <summary>Before, a file:// URL or a path was accepted and its repository published by storage.</summary>
    [Theory]
    [InlineData("file:///srv/secret.git")]
    [InlineData("/srv/secret.git")]
    [InlineData("file:///src/linux/")]
    [InlineData("http://git.example.org/linux.git")]
    [InlineData("ssh://git@git.example.org/linux.git")]
    [InlineData("git@git.example.org:linux.git")]
    [InlineData("ext::sh -c id")]
    public async Task Url_that_is_neither_https_nor_a_configured_tree_is_400(string url)
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, reply) = await api.PostAsync("api/checkout", Request(url), api.Token("checkout"));

        Assert.Equal(400, status);
        Assert.StartsWith("url: ", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Before, the last URL segment named the tree as it was: `..` made the tarball service wipe a parent of
    /// its cache.</summary>
    [Theory]
    [InlineData("https://git.example.org/..")]
    [InlineData("https://git.example.org/x/-o")]
    [InlineData("https://git.example.org/linux.git?x=1")]
    public async Task Url_that_names_no_valid_tree_is_400(string url)
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, reply) = await api.PostAsync("api/checkout", Request(url), api.Token("checkout"));

        Assert.Equal(400, status);
        Assert.StartsWith("url: the tree named after it ", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Branch_git_would_refuse_is_400()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var request = Request("https://git.example.org/linux.git");
        request["branch"] = "*";

        var (status, reply) = await api.PostAsync("api/checkout", request, api.Token("checkout"));

        Assert.Equal(400, status);
        Assert.StartsWith("branch: ", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_local_tree_is_accepted_under_its_configured_name()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, reply) = await api.PostAsync("api/checkout", Request("file:///src/linux"), api.Token("checkout"));

        Assert.Equal(200, status);
        Assert.Equal("local", reply["node"]!["data"]!["kernel_revision"]!["tree"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ssh_url_is_accepted_when_the_option_allows_it()
    {
        await using var stack = await PipelineTestStack.StartAsync(configure: o => o with { Git = new GitOptions { ExtraSchemes = ["ssh"] } });
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, reply) = await api.PostAsync("api/checkout", Request("ssh://git@git.example.org/linux.git"), api.Token("checkout"));

        Assert.Equal(200, status);
        Assert.Equal("linux", reply["node"]!["data"]!["kernel_revision"]!["tree"]!.GetValue<string>());
    }

    /// <summary>Any Maestro account may create a node; /api/checkout with its id must not fetch what the URL check
    /// refuses.</summary>
    [Fact]
    public async Task Checkout_from_a_node_with_a_local_url_is_400()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var source = await stack.Maestro.CreateNodeAsync(Checkout("file:///srv/secret.git"), TestContext.Current.CancellationToken);

        var (status, reply) = await api.PostAsync("api/checkout", new JsonObject { ["nodeid"] = source.Id, ["commit"] = Commit }, api.Token("checkout"));

        Assert.Equal(400, status);
        Assert.StartsWith($"nodeid: node {source.Id} has a kernel_revision the pipeline does not fetch: url ", reply["message"]!.GetValue<string>(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patchset_on_a_checkout_with_a_local_url_is_400()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var checkout = await stack.Maestro.CreateNodeAsync(Checkout("file:///srv/secret.git"), TestContext.Current.CancellationToken);

        var (status, reply) = await api.PostAsync("api/patchset",
            new JsonObject { ["nodeid"] = checkout.Id, ["patch"] = new JsonArray("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n") }, api.Token("patchset"));

        Assert.Equal(400, status);
        Assert.StartsWith($"nodeid: node {checkout.Id} has a kernel_revision", reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static MaestroNode Checkout(string url) => BridgeNodes.Checkout() with
    {
        Id = null,
        Data = new JsonObject
        {
            ["kernel_revision"] = new JsonObject { ["tree"] = "secret", ["url"] = url, ["branch"] = "main", ["commit"] = Commit },
        },
    };

    private static JsonObject Request(string url) => new()
    {
        ["url"] = url,
        ["branch"] = "main",
        ["commit"] = Commit,
    };
}
