using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Pipeline.Tests.Services.SendKcidb;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Testing;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava.Callback;

/// <summary>LAVA's recorded callbacks posted to the route as LAVA posts them, and the node trees they leave in Maestro.</summary>
public sealed class RecordedCallbackTreeTests
{
    public static TheoryData<string, DatabaseKind, string, string?, string> Cases()
    {
        var cases = new TheoryData<string, DatabaseKind, string, string?, string>();
        foreach (var kind in new[] { DatabaseKind.Sqlite, DatabaseKind.PostgreSql })
        {
            cases.Add("complete", kind, "fail", null, "setup=pass setup/kernelmsg=pass setup/login=pass smoke=fail smoke/boot-metric=pass "
                + "smoke/expected-fail=fail smoke/proc-version=pass smoke/skipped=skip smoke/subgroup=fail smoke/subgroup/in-set=pass "
                + "smoke/subgroup/in-set-fail=fail smoke/uname=pass");
            cases.Add("incomplete", kind, "incomplete", "Test", "hang=fail hang/before-hang=pass setup=pass setup/kernelmsg=pass setup/login=pass");
            cases.Add("canceled", kind, "incomplete", "Canceled", "setup=pass setup/kernelmsg=pass setup/login=pass");
            cases.Add("login-failed", kind, "fail", "Job", "setup=fail setup/login=fail");
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Recorded_callback_leaves_its_node_tree(string recording, DatabaseKind kind, string result, string? errorCode, string tree)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);
        await using var host = await CallbackHost.StartAsync(stack);
        var job = await CallbackHost.JobAsync(stack);

        var (status, _) = await host.PostAsync(job.Id!, RecordedCallbacks.Load(recording));

        Assert.Equal(202, status);
        MaestroNode? done = null;
        Assert.True(await Eventually.UntilAsync(async () => (done = await stack.Maestro.GetNodeAsync(job.Id!))?.State == "done"));
        Assert.Equal((result, errorCode, "qemu01"),
            (done!.Result, done.Data["error_code"]?.GetValue<string>(), done.Data["device"]?.GetValue<string>()));
        Assert.Equal(["callback_data", "lava_log", "lava_logs"], done.Artifacts.Keys.Order(StringComparer.Ordinal));
        var children = (await stack.Maestro.GetNodesFastAsync(new NodeFilter().Where("treeid", job.Treeid)))
            .Where(n => n.Path.Count > job.Path.Count)
            .Select(n => (Path: string.Join('/', n.Path.Skip(job.Path.Count)), n.Result))
            .OrderBy(n => n.Path, StringComparer.Ordinal)
            .Select(n => $"{n.Path}={n.Result}");
        Assert.Equal(tree, string.Join(' ', children));
    }
}
