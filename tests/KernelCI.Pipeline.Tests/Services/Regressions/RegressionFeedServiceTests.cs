using System.Text;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Tests.Stack;

namespace KernelCI.Pipeline.Tests.Services.Regressions;

/// <summary>The `regressions` service against a real KCIDB (ingestion and tracker) and Maestro: results submitted to
/// KCIDB become a regression node without anyone polling.</summary>
public sealed class RegressionFeedServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Regression_found_in_kcidb_becomes_a_regression_node()
    {
        await using var stack = await PipelineTestStack.StartAsync(configure: o => o with
        {
            WorkDirectory = Directory.CreateTempSubdirectory("kernelci-regressions-").FullName,
        });
        var subscription = await stack.Maestro.SubscribeAsync("node", cancellationToken: Ct);
        await stack.RunServicesAsync(new PipelineConfig(), "regressions");

        await SubmitAsync(stack, "PPF");

        var created = await NextRegressionEventAsync(stack.Maestro, subscription.Id).WaitAsync(TimeSpan.FromMinutes(3), Ct);
        var node = await stack.Maestro.GetNodeAsync(created, Ct);
        Assert.Equal(("regression", "fail", "boot"), (node!.Kind, node.Result, node.Name));
        Assert.Equal(Hash(2), (string?)node.Data["kcidb"]!["first_bad_commit"]);
    }

    private static async Task<string> NextRegressionEventAsync(MaestroClient maestro, long subscription)
    {
        while (true)
        {
            var next = await maestro.ListenAsync(subscription, Ct);
            if (next?.Data?["kind"]?.ToString() == "regression" && next.NodeId is { } id)
            {
                return id;
            }
        }
    }

    // KCIDB takes only full 40-digit hashes.
    private static string Hash(int i) => new("0123456789abcdef"[i], 40);

    private static async Task SubmitAsync(PipelineTestStack stack, string pattern)
    {
        var origin = stack.Options.Origin;
        var checkouts = new List<string>();
        var builds = new List<string>();
        var tests = new List<string>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var status = pattern[i] == 'P' ? "PASS" : "FAIL";
            checkouts.Add($$$"""{"id": "{{{origin}}}:c{{{i}}}", "origin": "{{{origin}}}", "tree_name": "mainline", "git_repository_branch": "master", "git_commit_hash": "{{{Hash(i)}}}", "start_time": "2026-01-01T{{{i:D2}}}:00:00+00:00"}""");
            builds.Add($$$"""{"id": "{{{origin}}}:b{{{i}}}", "origin": "{{{origin}}}", "checkout_id": "{{{origin}}}:c{{{i}}}", "status": "PASS", "config_name": "tinyconfig", "architecture": "x86_64", "compiler": "gcc-12"}""");
            tests.Add($$$"""{"id": "{{{origin}}}:t{{{i}}}", "origin": "{{{origin}}}", "build_id": "{{{origin}}}:b{{{i}}}", "path": "boot", "status": "{{{status}}}", "environment": {"misc": {"platform": "qemu-x86"} } }""");
        }

        var document = $$"""{"version": {"major": 5, "minor": 3}, "checkouts": [{{string.Join(", ", checkouts)}}], "builds": [{{string.Join(", ", builds)}}], "tests": [{{string.Join(", ", tests)}}]}""";
        await using var body = new MemoryStream(Encoding.UTF8.GetBytes(document));
        await stack.Kcidb.SubmitAsync(body, Ct);
    }
}
