using KernelCI.Client.Maestro;
using KernelCI.Maestro.Users;
using KernelCI.Pipeline.Services.Patchset;
using KernelCI.Pipeline.Tests.Services.SendKcidb;
using KernelCI.Pipeline.Tests.Git;
using KernelCI.Pipeline.Tests.Stack;
using static KernelCI.Pipeline.Tests.Services.Patchset.PatchsetFixture;

namespace KernelCI.Pipeline.Tests.Services.Patchset;

/// <summary>Where patches are fetched from and how long a host may keep the service waiting.</summary>
public sealed class PatchsetDownloadTests
{
    [Fact]
    public async Task Patch_url_on_another_port_of_the_storage_host_is_refused()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var checkout = await CheckoutAsync(stack, repository);
        var storage = new Uri(stack.Options.StorageUrl!);
        using var other = new SilentHost();
        var otherPort = new Uri(other.Origin).Port;
        var node = await PatchsetAsync(stack, checkout, $"http://{storage.Host}:{otherPort}/patchset/test/0001.patch");

        var done = await PollAsync(stack, node);

        Assert.Equal(("done", "fail"), (done.State, done.Result));
        Assert.Contains($"patch0: 'http://{storage.Host}:{otherPort}' is not the storage origin nor an allowed origin", done.Data["error_msg"]!.ToString());
        Assert.Equal(0, other.Connections);
    }

    [Fact]
    public async Task Redirect_to_an_origin_not_allowed_is_refused()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var checkout = await CheckoutAsync(stack, repository);
        using var inside = new SilentHost();
        await using var redirect = await RedirectHost.StartAsync(inside.Origin + "/admin");
        var node = await PatchsetAsync(stack, checkout, redirect.Origin + "/0001.patch");

        var done = await PollAsync(stack, node, new PatchsetOptions { AllowedOrigins = [redirect.Origin] });

        Assert.Equal(("done", "fail"), (done.State, done.Result));
        Assert.Contains($"redirects to '{inside.Origin}', not an allowed origin", done.Data["error_msg"]!.ToString());
        Assert.Equal(0, inside.Connections);
    }

    [Fact]
    public async Task Redirect_to_an_allowed_origin_is_followed()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var checkout = await CheckoutAsync(stack, repository);
        await using var redirect = await RedirectHost.StartAsync(await UploadPatchAsync(stack, GoodPatch));
        var node = await PatchsetAsync(stack, checkout, redirect.Origin + "/0001.patch");

        var done = await PollAsync(stack, node, new PatchsetOptions { AllowedOrigins = [redirect.Origin] });

        Assert.Equal(("available", "pass"), (done.State, done.Result));
    }

    [Fact]
    public async Task Host_that_never_answers_costs_one_read_timeout_and_fails_the_node_after_MaxAttempts()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var checkout = await CheckoutAsync(stack, repository);
        using var silent = new SilentHost();
        var node = await PatchsetAsync(stack, checkout, silent.Origin + "/0001.patch");
        var options = new PatchsetOptions { AllowedOrigins = [silent.Origin], ReadTimeout = TimeSpan.FromSeconds(1), MaxAttempts = 2 };
        var service = Service(stack, options);

        // Given a first poll that finds no answer: bounded by the read timeout, the node stays running
        var started = TimeProvider.System.GetTimestamp();
        await service.PollAsync(TestContext.Current.CancellationToken);
        // (a timer may fire a few milliseconds before its second is up on the stopwatch's clock)
        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.Equal("running", (await stack.Maestro.GetNodeAsync(node.Id!, TestContext.Current.CancellationToken))!.State);

        // When the second poll fails the same way
        await service.PollAsync(TestContext.Current.CancellationToken);

        // Then the node fails, naming the host
        var done = (await stack.Maestro.GetNodeAsync(node.Id!, TestContext.Current.CancellationToken))!;
        Assert.Equal(("done", "fail"), (done.State, done.Result));
        Assert.Equal($"patch0: {silent.Origin} did not answer within 1 s (2 attempts)", done.Data["error_msg"]!.ToString());
    }

    [Fact]
    public async Task Node_with_a_silent_host_does_not_hold_up_the_others()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var checkout = await CheckoutAsync(stack, repository);
        using var silent = new SilentHost();
        await PatchsetAsync(stack, checkout, silent.Origin + "/0001.patch");
        var good = await PatchsetAsync(stack, checkout, await UploadPatchAsync(stack, GoodPatch));
        var options = new PatchsetOptions { AllowedOrigins = [silent.Origin], ReadTimeout = TimeSpan.FromSeconds(20) };

        var poll = Service(stack, options).PollAsync(TestContext.Current.CancellationToken);
        var applied = await Eventually.UntilAsync(async () =>
            (await stack.Maestro.GetNodeAsync(good.Id!, TestContext.Current.CancellationToken))!.State == "available", TimeSpan.FromSeconds(15));

        Assert.True(applied);
        Assert.False(poll.IsCompleted);
        await poll;
    }

    [Fact]
    public async Task Patchset_node_posted_by_another_Maestro_account_is_not_fetched()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var checkout = await CheckoutAsync(stack, repository);
        using var silent = new SilentHost();
        var mallory = await MalloryAsync(stack);
        var node = await mallory.CreateNodeAsync(new MaestroNode
        {
            Kind = "checkout",
            Name = "patchset",
            Path = ["checkout", "patchset"],
            Parent = checkout.Id,
            Artifacts = new Dictionary<string, string> { ["patch0"] = silent.Origin + "/0001.patch" },
            Owner = EmbeddedPipelineUser,
        }, TestContext.Current.CancellationToken);

        var after = await PollAsync(stack, node, new PatchsetOptions { AllowedOrigins = [silent.Origin], ReadTimeout = TimeSpan.FromSeconds(1) });

        Assert.Equal("mallory", after.Owner);
        Assert.Equal("running", after.State);
        Assert.Equal(0, silent.Connections);
    }

    [Fact]
    public async Task Patchset_on_a_checkout_another_account_made_fails_without_fetching()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var silent = new SilentHost();
        var mallory = await MalloryAsync(stack);
        var forged = await mallory.CreateNodeAsync(new MaestroNode
        {
            Kind = "checkout", Name = "checkout", Path = ["checkout"], State = "available", Result = "pass",
            Artifacts = new Dictionary<string, string> { ["tarball"] = stack.Options.StorageUrl + "mallory/evil.tar.gz" },
        }, TestContext.Current.CancellationToken);
        var node = await PatchsetAsync(stack, forged, silent.Origin + "/0001.patch");

        var done = await PollAsync(stack, node, new PatchsetOptions { AllowedOrigins = [silent.Origin], ReadTimeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(("done", "fail"), (done.State, done.Result));
        Assert.Equal($"parent {forged.Id} is not a checkout made by the pipeline", done.Data["error_msg"]!.ToString());
        Assert.Equal(0, silent.Connections);
    }

    private static async Task<MaestroClient> MalloryAsync(PipelineTestStack stack)
    {
        await UserAdmin.AddAsync(stack.Database, "mallory", admin: false, [], password: null, TestContext.Current.CancellationToken);
        var token = await UserAdmin.TokenAsync(stack.Database, stack.Context.Secrets.Get(UserTokens.SecretName), "mallory",
            TimeSpan.FromHours(1), TestContext.Current.CancellationToken);
        return new MaestroClient(new HttpClient { BaseAddress = new Uri(stack.Options.MaestroUrl!) }, token);
    }

    private const string EmbeddedPipelineUser = KernelCI.Host.Serve.EmbeddedPipeline.ServiceUser;
}
