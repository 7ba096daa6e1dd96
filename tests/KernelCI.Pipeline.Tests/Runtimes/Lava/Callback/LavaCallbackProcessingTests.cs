using System.IO.Compression;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Pipeline.Labs;
using KernelCI.Pipeline.Runtimes.Lava.Callback;
using KernelCI.Pipeline.Tests.Services.SendKcidb;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Testing;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava.Callback;

public sealed class LavaCallbackProcessingTests
{
    private static async Task<MaestroNode> DoneAsync(PipelineTestStack stack, string id)
    {
        MaestroNode? node = null;
        Assert.True(await Eventually.UntilAsync(async () => (node = await stack.Maestro.GetNodeAsync(id))?.State == "done"), $"node {id} not done");
        return node!;
    }

    private static async Task<List<MaestroNode>> ChildrenAsync(PipelineTestStack stack, MaestroNode job) =>
        [.. (await stack.Maestro.GetNodesFastAsync(new NodeFilter().Where("treeid", job.Treeid))).Where(n => n.Path.Count > job.Path.Count)];

    private static async Task<string> DownloadTextAsync(string url, bool gzip)
    {
        using var http = new HttpClient();
        await using var stream = await http.GetStreamAsync(url, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Callback_is_answered_at_once_and_becomes_the_node_tree(DatabaseKind kind)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);
        await using var host = await CallbackHost.StartAsync(stack);
        var job = await CallbackHost.JobAsync(stack);

        var (status, _) = await host.PostAsync(job.Id!, CallbackPayloads.Body(nodeId: job.Id!));

        Assert.Equal(202, status);
        var done = await DoneAsync(stack, job.Id!);
        Assert.Equal(("fail", "qemu01"), (done.Result, done.Data["device"]?.GetValue<string>()));
        Assert.False(done.ProcessedByKcidbBridge);
        var children = await ChildrenAsync(stack, job);
        Assert.Equal(["setup", "setup/kernelmsg", "setup/login", "smoke", "smoke/expected-fail", "smoke/proc-version", "smoke/subgroup",
            "smoke/subgroup/in-set", "smoke/uname"], children.Select(c => string.Join('/', c.Path.Skip(3))).Order(StringComparer.Ordinal));
        Assert.All(children, c => Assert.Equal((job.Name, "done", "qemu-x86_64", CallbackHost.Lab, "x86_64"),
            (c.Group, c.State, c.Data["platform"]?.GetValue<string>(), c.Data["runtime"]?.GetValue<string>(), c.Data["arch"]?.GetValue<string>())));
        Assert.Equal("fail", children.Single(c => c.Name == "expected-fail").Result);
    }

    [Fact]
    public async Task Callback_records_when_the_result_arrived_and_the_lab_view_measures_from_submission()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await CallbackHost.StartAsync(stack);
        var submitted = DateTimeOffset.UtcNow.AddMinutes(-5);
        var times = new JsonObject();
        JobTimes.SetSubmittedAt(times, submitted);
        var job = await CallbackHost.JobAsync(stack, extra: times);
        var before = DateTimeOffset.UtcNow;

        await host.PostAsync(job.Id!, CallbackPayloads.Body(nodeId: job.Id!));
        var after = DateTimeOffset.UtcNow;

        var done = await DoneAsync(stack, job.Id!);
        Assert.InRange(JobTimes.Duration(done.Data)!.Value, before - submitted, after - submitted);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Callback_artifacts_are_the_target_log_the_structured_log_and_the_body_without_its_token(DatabaseKind kind)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);
        await using var host = await CallbackHost.StartAsync(stack);
        var job = await CallbackHost.JobAsync(stack);

        await host.PostAsync(job.Id!, CallbackPayloads.Body(nodeId: job.Id!));

        var done = await DoneAsync(stack, job.Id!);
        Assert.EndsWith($"/{job.Name}-{job.Id}/log.txt.gz", done.Artifacts["lava_log"], StringComparison.Ordinal);
        Assert.Equal("Linux version 6.1.0 (gcc)\n/ #\nbell? and tab?here\n", await DownloadTextAsync(done.Artifacts["lava_log"], gzip: true));
        Assert.Contains("lvl: debug", await DownloadTextAsync(done.Artifacts["lava_logs"], gzip: false), StringComparison.Ordinal);
        var published = JsonNode.Parse(await DownloadTextAsync(done.Artifacts["callback_data"], gzip: true))!.AsObject();
        Assert.False(published.ContainsKey("token"));
        Assert.Equal(3, published["id"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Stored_callback_survives_a_crash_before_processing(DatabaseKind kind)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);
        var job = await CallbackHost.JobAsync(stack);
        await using (var crashed = await CallbackHost.StartAsync(stack, worker: false))
        {
            Assert.Equal(202, (await crashed.PostAsync(job.Id!, CallbackPayloads.Body(nodeId: job.Id!))).Status);
        }

        Assert.Equal("running", (await stack.Maestro.GetNodeAsync(job.Id!))!.State);
        await using var restarted = await CallbackHost.StartAsync(stack);

        var done = await DoneAsync(stack, job.Id!);
        Assert.Equal("fail", done.Result);
        Assert.NotEmpty(await ChildrenAsync(stack, job));
        Assert.True(await Eventually.UntilAsync(async () => await restarted.Service<LavaCallbackStore>().CountAsync(default) == (0, 0)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_duplicate_callback_stored_before_the_first_was_processed_changes_nothing(DatabaseKind kind)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);
        var job = await CallbackHost.JobAsync(stack);
        await using (var crashed = await CallbackHost.StartAsync(stack, worker: false))
        {
            await crashed.PostAsync(job.Id!, CallbackPayloads.Body(nodeId: job.Id!));
            await crashed.PostAsync(job.Id!, CallbackPayloads.Body(status: 4, nodeId: job.Id!));
        }

        await using var restarted = await CallbackHost.StartAsync(stack);

        Assert.True(await Eventually.UntilAsync(async () => await restarted.Service<LavaCallbackStore>().CountAsync(default) == (0, 0)));
        var done = await DoneAsync(stack, job.Id!);
        Assert.Equal(("fail", null), (done.Result, done.Data["error_code"]?.GetValue<string>()));
        Assert.Equal(9, (await ChildrenAsync(stack, job)).Count);
    }

    [Fact]
    public async Task A_late_callback_for_a_done_node_is_acknowledged_and_changes_nothing()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await CallbackHost.StartAsync(stack);
        var job = await CallbackHost.JobAsync(stack);
        await host.PostAsync(job.Id!, CallbackPayloads.Body(nodeId: job.Id!));
        var first = await DoneAsync(stack, job.Id!);

        var (status, body) = await host.PostAsync(job.Id!, CallbackPayloads.Body(status: 3, nodeId: job.Id!));

        Assert.Equal(202, status);
        Assert.Contains("already done", body, StringComparison.Ordinal);
        Assert.Equal((0L, 0L), await host.Service<LavaCallbackStore>().CountAsync(TestContext.Current.CancellationToken));
        var after = await stack.Maestro.GetNodeAsync(job.Id!, TestContext.Current.CancellationToken);
        Assert.Equal((first.Result, first.Updated), (after!.Result, after.Updated));
    }

    [Fact]
    public async Task An_incomplete_job_clears_nothing_but_takes_lavas_error_and_keeps_the_tree()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await CallbackHost.StartAsync(stack);
        var job = await CallbackHost.JobAsync(stack, extra: new JsonObject { ["error_code"] = "node_timeout", ["error_msg"] = "timed out" });
        var results = new Dictionary<string, string>
        {
            ["lava"] = CallbackPayloads.LavaSuite(jobError: "Infrastructure", jobMessage: "Unable to start libguestfs"),
        };

        await host.PostAsync(job.Id!, CallbackPayloads.Body(status: 3, results: results, nodeId: job.Id!));

        var done = await DoneAsync(stack, job.Id!);
        Assert.Equal(("incomplete", "Infrastructure", "Unable to start libguestfs"),
            (done.Result, done.Data["error_code"]?.GetValue<string>(), done.Data["error_msg"]?.GetValue<string>()));
    }

    [Fact]
    public async Task A_callback_with_5000_cases_becomes_5000_test_nodes_under_the_job()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await CallbackHost.StartAsync(stack);
        var job = await CallbackHost.JobAsync(stack, name: "kselftest-big");
        var cases = Enumerable.Range(0, 5000).Select(i => CallbackPayloads.Case($"case-{i}", i == 4999 ? "fail" : "pass", "0_big", set: $"set-{i / 1000}"));
        var results = new Dictionary<string, string> { ["lava"] = CallbackPayloads.LavaSuite(), ["0_big"] = CallbackPayloads.Suite([.. cases]) };

        Assert.Equal(202, (await host.PostAsync(job.Id!, CallbackPayloads.Body(results: results, nodeId: job.Id!))).Status);

        var done = await DoneAsync(stack, job.Id!);
        var children = await ChildrenAsync(stack, job);
        Assert.Equal("fail", done.Result);
        Assert.Equal(5000 + 2, children.Count(c => c.Kind == "test"));
        Assert.Equal(["big", "set-0", "set-1", "set-2", "set-3", "set-4", "setup"], children.Where(c => c.Kind == "job").Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal("fail", children.Single(c => c.Name == "set-4").Result);
    }
}
