using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Host;
using KernelCI.Pipeline.Tests.Api;
using KernelCI.Pipeline.Tests.Stack;

namespace KernelCI.Pipeline.Tests.Runtimes.PullLabs;

/// <summary>The real thing: the test kernel (tinyconfig + qemu-serial from linux-source-6.1) queued for a pull lab,
/// run by `kernelci lab pull --once`, and its result written through the callback route.</summary>
public sealed class PullLabWorkerTests
{
    [Fact]
    public async Task Lab_pull_once_boots_a_queued_kernel_and_its_job_ends_as_a_passed_boot_tree()
    {
        var ct = TestContext.Current.CancellationToken;
        var kernel = await TestKernel.GetAsync();
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await PullHost.StartAsync(stack);
        await stack.Storage.UploadFilesAsync("kbuild-pull", [kernel.BzImage], ct);
        var node = await host.QueueAsync(artifacts: new Dictionary<string, string> { ["kernel"] = new PublicUrls(stack.Options.StorageUrl!).For("kbuild-pull/bzImage") });
        var work = Directory.CreateTempSubdirectory("kernelci-pull-test-").FullName;
        using var cleanup = new TemporaryDirectory(work);
        var tokenFile = Path.Combine(work, "token");
        await File.WriteAllTextAsync(tokenFile, PullHost.Token + "\n", ct);
        await using var events = await stack.Maestro.OpenStreamAsync(new Dictionary<string, string> { ["kind"] = "job", ["state"] = "done" }, null,
            cancellationToken: ct);
        var console = new PipelineTestConsole();

        var exit = await KernelCiCommand.Create(console).Parse(
            ["lab", "pull", "--lab", PullHost.Lab, "--url", host.Url, "--token-file", tokenFile, "--once", "--work-dir", Path.Combine(work, "jobs")])
            .InvokeAsync(cancellationToken: ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
        while ((await events.ReadAsync(limit.Token))?.NodeId != node.Id)
        {
        }

        Assert.Equal((0, ""), (exit, console.Error.ToString()));
        var done = (await stack.Maestro.GetNodeAsync(node.Id!, ct))!;
        Assert.Equal(("done", "pass"), (done.State, done.Result));
        Assert.Equal("qemu-x86_64", done.Data["device"]!.ToString());
        var children = await stack.Maestro.GetNodesFastAsync(new NodeFilter().Where("group", "baseline-x86"), ct);
        Assert.Equal(("job", "pass"), Pair(Assert.Single(children, c => c.Name == "setup")));
        Assert.Equal(("test", "pass"), Pair(Assert.Single(children, c => c.Name == "login")));
        Assert.Equal(("test", "pass"), Pair(Assert.Single(children, c => c.Name == "kernelmsg")));
        using var http = new HttpClient();
        var log = Gunzip(await http.GetByteArrayAsync(done.Artifacts["lava_log"], ct));
        Assert.Contains("Linux version 6.1", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lab_pull_once_runs_the_jobs_commands_as_the_qemu_lab_does_and_reports_every_case()
    {
        var ct = TestContext.Current.CancellationToken;
        var kernel = await TestKernel.GetAsync();
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await PullHost.StartAsync(stack);
        await stack.Storage.UploadFilesAsync("kbuild-pull-smoke", [kernel.BzImage], ct);
        var tests = new JsonArray
        {
            new JsonObject { ["name"] = "proc-mounted", ["run"] = "test -e /proc/version" },
            new JsonObject { ["name"] = "false-fails", ["run"] = "echo about to fail; false" },
            new JsonObject
            {
                ["name"] = "selftest", ["format"] = "ktap",
                ["run"] = "printf 'KTAP version 1\\n1..2\\n    KTAP version 1\\n    1..2\\n    ok 1 inner_a\\n    not ok 2 inner_b\\nnot ok 1 group\\nok 2 skipped # SKIP no hardware\\n'",
            },
        };
        var node = await host.QueueAsync(name: "smoke-x86",
            artifacts: new Dictionary<string, string> { ["kernel"] = new PublicUrls(stack.Options.StorageUrl!).For("kbuild-pull-smoke/bzImage") },
            parameters: new JsonObject { ["test_method"] = "commands", ["suite"] = "smoke", ["job_timeout"] = 5, ["tests"] = tests });
        var (exit, error) = await PullOnceAsync(host, stack, node.Id!);

        Assert.Equal((0, ""), (exit, error));
        var done = (await stack.Maestro.GetNodeAsync(node.Id!, ct))!;
        Assert.Equal(("done", "fail"), (done.State, done.Result));
        var children = await stack.Maestro.GetNodesFastAsync(new NodeFilter().Where("group", "smoke-x86"), ct);
        Assert.Equal(("job", "fail"), Pair(Assert.Single(children, c => c.Name == "smoke")));
        Assert.Equal(("test", "pass"), Pair(Assert.Single(children, c => c.Name == "login")));
        Assert.Equal(("test", "pass"), Pair(Assert.Single(children, c => c.Name == "proc-mounted")));
        Assert.Equal(("test", "fail"), Pair(Assert.Single(children, c => c.Name == "false-fails")));
        Assert.Equal(("test", "pass"), Pair(Assert.Single(children, c => c.Name == "inner_a")));
        Assert.Equal(("test", "fail"), Pair(Assert.Single(children, c => c.Name == "inner_b")));
        Assert.Equal(("test", "skip"), Pair(Assert.Single(children, c => c.Name == "skipped")));
    }

    [Fact]
    public async Task A_test_type_the_reference_worker_does_not_run_ends_the_job_invalid_job_params_naming_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await PullHost.StartAsync(stack);
        var node = await host.QueueAsync(name: "kselftest-x86",
            parameters: new JsonObject { ["test_method"] = "kselftest", ["job_timeout"] = 5, ["collections"] = "dt" });

        var (exit, _) = await PullOnceAsync(host, stack, node.Id!);

        var done = (await stack.Maestro.GetNodeAsync(node.Id!, ct))!;
        Assert.Equal(0, exit);
        Assert.Equal(("done", "incomplete", "invalid_job_params"), (done.State, done.Result, done.Data["error_code"]?.ToString()));
        Assert.Contains("tests[1].type: 'kselftest' is not run by the reference pull worker", done.Data["error_msg"]!.ToString(), StringComparison.Ordinal);
    }

    // `kernelci lab pull --once` against the host; returns once the node is done.
    private static async Task<(int Exit, string Error)> PullOnceAsync(PullHost host, PipelineTestStack stack, string nodeId)
    {
        var ct = TestContext.Current.CancellationToken;
        var work = Directory.CreateTempSubdirectory("kernelci-pull-test-").FullName;
        using var cleanup = new TemporaryDirectory(work);
        var tokenFile = Path.Combine(work, "token");
        await File.WriteAllTextAsync(tokenFile, PullHost.Token + "\n", ct);
        await using var events = await stack.Maestro.OpenStreamAsync(new Dictionary<string, string> { ["kind"] = "job", ["state"] = "done" }, null,
            cancellationToken: ct);
        var console = new PipelineTestConsole();
        var exit = await KernelCiCommand.Create(console).Parse(
            ["lab", "pull", "--lab", PullHost.Lab, "--url", host.Url, "--token-file", tokenFile, "--once", "--work-dir", Path.Combine(work, "jobs")])
            .InvokeAsync(cancellationToken: ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
        while ((await events.ReadAsync(limit.Token))?.NodeId != nodeId)
        {
        }

        return (exit, console.Error.ToString());
    }

    // Deleted whether the test passes or not.
    private sealed class TemporaryDirectory(string path) : IDisposable
    {
        public void Dispose() => Directory.Delete(path, recursive: true);
    }

    private static (string Kind, string? Result) Pair(MaestroNode node) => (node.Kind, node.Result);

    private static string Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
