using System.Net;
using KernelCI.Data;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava;

/// <summary>A node created before a stop and resubmitted at the next start (docs/labs.md, "Nothing accepted is lost"):
/// the lab may have accepted it just before the stop, so LAVA is asked first.</summary>
public sealed class LavaResumedSubmitTests
{
    [Fact]
    public async Task Resumed_job_the_lab_already_accepted_is_not_submitted_again()
    {
        await using var harness = await LavaHarness.StartAsync(DatabaseKind.Sqlite);
        var request = await harness.JobAsync() with { Resumed = true };
        harness.Lava.Reply = r => r.PathAndQuery.StartsWith("/api/v0.2/jobs/?description__startswith=", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, """{"count":1,"next":null,"results":[{"id":77,"description":"[kernelci] x baseline-x86"}]}""")
            : FakeLava.Default(r);

        var jobId = await harness.Runtime().SubmitAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("77", jobId);
        Assert.DoesNotContain(harness.Lava.Requests, r => r.Method == "POST");
        var node = await harness.Stack.Maestro.GetNodeAsync(request.Node.Id!, TestContext.Current.CancellationToken);
        Assert.Equal("77", node!.Data["job_id"]?.ToString());
    }

    [Fact]
    public async Task Resumed_job_is_looked_up_by_the_start_of_its_name()
    {
        await using var harness = await LavaHarness.StartAsync(DatabaseKind.Sqlite);
        var request = await harness.JobAsync() with { Resumed = true };

        await harness.Runtime().SubmitAsync(request, TestContext.Current.CancellationToken);

        var lookup = harness.Lava.Requests.First();
        Assert.Equal("GET", lookup.Method);
        var prefix = Uri.UnescapeDataString(lookup.PathAndQuery.Split("description__startswith=")[1].Split('&')[0]);
        var definition = System.Text.Json.Nodes.JsonNode.Parse(harness.Lava.Requests.Single(r => r.Method == "POST").Body)!["definition"]!.ToString();
        Assert.EndsWith($" {request.Node.Id} ", prefix, StringComparison.Ordinal);
        Assert.Contains("job_name: '" + prefix, definition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resumed_job_the_lab_does_not_have_is_submitted()
    {
        await using var harness = await LavaHarness.StartAsync(DatabaseKind.Sqlite);
        var request = await harness.JobAsync() with { Resumed = true };

        var jobId = await harness.Runtime().SubmitAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("42", jobId);
        Assert.Single(harness.Lava.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Resumed_job_is_submitted_when_the_lab_cannot_say()
    {
        await using var harness = await LavaHarness.StartAsync(DatabaseKind.Sqlite);
        var request = await harness.JobAsync() with { Resumed = true };
        harness.Lava.Reply = r => r.Method == "GET" ? (HttpStatusCode.BadRequest, """{"detail":"bad filter"}""") : FakeLava.Default(r);

        var jobId = await harness.Runtime().SubmitAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("42", jobId);
    }

    [Fact]
    public async Task New_job_is_submitted_without_asking()
    {
        await using var harness = await LavaHarness.StartAsync(DatabaseKind.Sqlite);

        await harness.Runtime().SubmitAsync(await harness.JobAsync(), TestContext.Current.CancellationToken);

        Assert.Equal("POST", Assert.Single(harness.Lava.Requests).Method);
    }
}
