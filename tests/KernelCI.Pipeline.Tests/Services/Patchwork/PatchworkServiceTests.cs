using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Services.Patchwork;

namespace KernelCI.Pipeline.Tests.Services.Patchwork;

/// <summary>The Patchwork service against a real Patchwork 3.1.3, one per class: a 3-patch series made with `git
/// format-patch` on a small tree is tested through the patchset flow and every patch gets its checks; a series that
/// does not apply gets one `fail`; a restart posts nothing twice. Each test's series carries its own subject tag,
/// which its service selects (SubjectMatch), so the tests share the server without seeing each other's series.</summary>
public sealed class PatchworkServiceTests(PatchworkServer server) : IClassFixture<PatchworkServer>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Series_is_tested_and_every_patch_gets_pending_then_final_checks()
    {
        await using var world = await PatchworkHarness.StartAsync(server);
        var (series, patches) = await world.SendSeriesAsync("t1", (2, "int a;"), (10, "int b;"), (18, "int c;"));
        var service = world.Service(world.Project("t1"));

        await service.PollAsync(Token);
        foreach (var patch in patches)
        {
            var check = Assert.Single(await server.ChecksAsync(patch));
            Assert.Equal(("kernelci-build", "pending"), (check.Context, check.State));
        }

        var patchset = await world.PreparePatchsetAsync(series);
        Assert.Equal(("available", "pass"), (patchset.State, patchset.Result));
        Assert.Equal(3, patchset.Artifacts.Keys.Count(k => k.StartsWith("patch", StringComparison.Ordinal)));
        await world.FakeBuildAsync(patchset, "pass", ("baseline-x86", "fail"), ("kselftest-net", "pass"));
        await service.PollAsync(Token);

        var hash = patchset.Data["kernel_revision"]!["patchset"]!.ToString();
        var commit = patchset.Data["kernel_revision"]!["commit"]!.ToString();
        foreach (var patch in patches)
        {
            var checks = await server.ChecksAsync(patch);
            Assert.Equal(["kernelci-boot:fail", "kernelci-build:pending", "kernelci-build:success", "kernelci-kselftest-net:success"],
                checks.Select(c => $"{c.Context}:{c.State}").Order());
            Assert.All(checks, c => Assert.Equal($"{PatchworkHarness.Dashboard}/tree/local/main/{commit}?patchset={hash}", c.TargetUrl));
            Assert.Contains("boot: 1 of 1 failed (baseline-x86 on qemu-x86)", checks.Single(c => c.Context == "kernelci-boot").Description);
        }
    }

    [Fact]
    public async Task Series_that_does_not_apply_gets_one_fail_check_naming_the_patch()
    {
        await using var world = await PatchworkHarness.StartAsync(server);
        var (_, patches) = await world.SendSeriesAsync("t2", (2, "int a;"), (10, "int b;"), (18, "int c;"));
        // The tree moves on under the series: line 10 is no longer what patch 2 expects.
        await world.Repository.CommitAsync("conflict", ("a.c", PatchworkHarness.Lines((10, "long l10;"))));

        await world.Service(world.Project("t2")).PollAsync(Token);

        foreach (var patch in patches)
        {
            var check = Assert.Single(await server.ChecksAsync(patch));
            Assert.Equal(("kernelci-apply", "fail"), (check.Context, check.State));
            Assert.StartsWith("patch 2/3 '[PATCH 2/3] t2: change line 10' does not apply on", check.Description);
        }

        Assert.Empty(await world.Stack.Maestro.GetNodesFastAsync(new NodeFilter().Where("name", "patchset"), Token));
    }

    [Fact]
    public async Task Restarting_the_service_in_the_middle_posts_nothing_twice()
    {
        await using var world = await PatchworkHarness.StartAsync(server);
        var (series, patches) = await world.SendSeriesAsync("t3", (2, "int a;"), (10, "int b;"), (18, "int c;"));
        await world.Service(world.Project("t3")).PollAsync(Token);
        var patchset = await world.PreparePatchsetAsync(series);
        await world.FakeBuildAsync(patchset, "pass", ("baseline-x86", "pass"));

        // A new process on the same database, whose events cursor is lost too: the series is not taken again.
        await using (var connection = await world.Stack.Database.OpenConnectionAsync(Token))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM pipeline_patchwork_cursors";
            await command.ExecuteNonQueryAsync(Token);
        }

        var restarted = world.Service(world.Project("t3"));
        await restarted.PollAsync(Token);
        await restarted.PollAsync(Token);

        foreach (var patch in patches)
        {
            Assert.Equal(["kernelci-boot:success", "kernelci-build:pending", "kernelci-build:success"],
                (await server.ChecksAsync(patch)).Select(c => $"{c.Context}:{c.State}").Order());
        }

        Assert.Single(await world.Stack.Maestro.GetNodesFastAsync(new NodeFilter().Where("name", "patchset"), Token));
    }

    [Fact]
    public async Task Series_longer_than_the_limit_is_refused_with_a_fail_check()
    {
        await using var world = await PatchworkHarness.StartAsync(server);
        var (_, patches) = await world.SendSeriesAsync("t4", (2, "int a;"), (10, "int b;"), (18, "int c;"));

        await world.Service(new PatchworkOptions { Projects = [world.Project("t4")], MaxPatches = 2 }).PollAsync(Token);

        var check = Assert.Single(await server.ChecksAsync(patches[0]));
        Assert.Equal(("kernelci-apply", "fail", "the series has 3 patches, more than the limit of 2"), (check.Context, check.State, check.Description));
    }

    [Fact]
    public async Task Bad_token_is_reported_on_health_and_retried_with_back_off()
    {
        await using var world = await PatchworkHarness.StartAsync(server);
        var service = world.Service(new PatchworkOptions { Projects = [world.Project("t5")] }, token: "bad0000000000000000000000000000000000000");

        await service.PollAsync(Token);
        await service.PollAsync(Token);

        var project = Assert.Single(world.Health(service).Projects);
        Assert.Equal(("failing", 1), (project.State, project.Failures));
        Assert.Contains("403 Invalid token.", project.Error);
        Assert.NotNull(project.NextAttempt);
    }

    [Fact]
    public async Task Unreachable_patchwork_fails_alone_while_another_project_is_served()
    {
        await using var world = await PatchworkHarness.StartAsync(server);
        var (_, patches) = await world.SendSeriesAsync("t6", (2, "int a;"));
        var closed = $"http://127.0.0.1:{KernelCI.Testing.FreePort.BasePort()}";
        var service = world.Service(world.Project("t6", url: closed), world.Project("t6"));

        await service.PollAsync(Token);

        var health = world.Health(service).Projects;
        Assert.Equal(["failing", "ok"], health.Select(p => p.State));
        Assert.Contains("unreachable", health[0].Error);
        Assert.Equal("pending", Assert.Single(await server.ChecksAsync(patches[0])).State);
    }

    [Fact]
    public async Task Maintainer_comment_with_the_keyword_tests_the_series_again()
    {
        await using var world = await PatchworkHarness.StartAsync(server);
        var (_, patches) = await world.SendSeriesAsync("t7", (10, "int b;"), (18, "int c;"));
        await world.Repository.CommitAsync("conflict", ("a.c", PatchworkHarness.Lines((10, "long l10;"))));
        var service = world.Service(world.Project("t7"));
        await service.PollAsync(Token);
        Assert.Equal("fail", Assert.Single(await server.ChecksAsync(patches[0])).State);
        // The conflicting commit is reverted: the series applies again, once someone asks.
        await world.Repository.RunAsync("reset", "--quiet", "--hard", "HEAD~1");

        await server.CommentAsync(patches[1], "someone@example.org", "kernelci-retest");
        await service.PollAsync(Token);
        Assert.Single(await server.ChecksAsync(patches[0]));

        await server.CommentAsync(patches[1], "admin@example.com", "Looks odd.\n\nkernelci-retest\n");
        await service.PollAsync(Token);
        Assert.Equal(["kernelci-apply:fail", "kernelci-build:pending"], (await server.ChecksAsync(patches[0])).Select(c => $"{c.Context}:{c.State}"));
    }
}
