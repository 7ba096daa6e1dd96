using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KernelCI.Data;
using KernelCI.Pipeline.Services.Nipa;
using KernelCI.Pipeline.Tests.Git;
using KernelCI.Pipeline.Tests.Services.Trigger;
using KernelCI.Testing;
using static KernelCI.Pipeline.Tests.Services.Nipa.NipaHarness;

namespace KernelCI.Pipeline.Tests.Services.Nipa;

/// <summary>The nipa service publishing runs through storage, read back as NIPA's collector reads them.</summary>
public sealed class NipaServiceTests
{
    private const string Branch = "net-next-2026-12-05--15-00";

    private static readonly Regex PythonStamp = new(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\+00:00$");

    [Fact]
    public async Task A_nipa_list_with_two_branches_gives_one_checkout_whose_run_is_published_field_for_field()
    {
        using var repository = await TestRepository.CreateAsync("net-next-2026-12-05--12-00");
        await repository.CommitAsync("old", ("a", "a\n"));
        await repository.RunAsync("checkout", "--quiet", "-b", Branch);
        await repository.CommitAsync("new", ("b", "b\n"));
        await using var list = await NipaBranchServer.StartAsync($"[{NipaBranchServer.Entry("net-next-2026-12-05--12-00", "2026-12-05T12:00:03.201881+00:00", repository.Url)},"
            + $"{NipaBranchServer.Entry(Branch, "2026-12-05T15:00:02.918266+00:00", repository.Url)}]");
        await using var world = await StartAsync(treeUrl: repository.Url, listUrl: list.Url);
        var trigger = TriggerFixture.NewTrigger(world.Stack, world.Config);
        var service = world.Service();

        var checkout = Assert.Single(await trigger.PollAsync(Token));
        Assert.Empty(await trigger.PollAsync(Token));
        await service.HandleAsync(Event(checkout), Token);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""[{"url": null, "branch": "{{Branch}}", "executor": "{{Executor}}"}]"""), await world.ManifestAsync()));

        var kbuild = await world.ChildAsync(checkout, "kbuild", "kbuild-gcc-14-x86", "pass");
        var job = await world.ChildAsync(kbuild, "job", "kselftest-net", "fail", "qemu-x86");
        await world.ChildAsync(job, "test", "tls", "skip");
        await world.ChildAsync(job, "test", "udpgro", "fail");
        await service.HandleAsync(Event(await world.DoneAsync(checkout)), Token);

        var entry = Assert.Single((await world.ManifestAsync()).AsArray())!.AsObject();
        Assert.Equal(["url", "branch", "executor"], entry.Select(p => p.Key));
        Assert.Equal(world.UrlOf($"nipa/jsons/results-{checkout.Id}.json"), entry["url"]!.GetValue<string>());
        var file = (await world.GetAsync(entry["url"]!.GetValue<string>())).AsObject();
        Assert.Equal(["executor", "branch", "start", "end", "link", "results"], file.Select(p => p.Key));
        Assert.Equal(Executor, file["executor"]!.GetValue<string>());
        Assert.Equal(Branch, file["branch"]!.GetValue<string>());
        Assert.Matches(PythonStamp, file["start"]!.GetValue<string>());
        Assert.Matches(PythonStamp, file["end"]!.GetValue<string>());
        Assert.Equal($"{DashboardUrl}/tree/{Tree}/{Branch}/{checkout.Data["kernel_revision"]!["commit"]}", file["link"]!.GetValue<string>());
        var results = file["results"]!.AsArray().Select(r => (r!["group"]!.GetValue<string>(), r["test"]!.GetValue<string>(), r["result"]!.GetValue<string>()));
        Assert.Equal([("kbuild", "kbuild-gcc-14-x86", "pass"), ("kselftest-net", "tls", "skip"), ("kselftest-net", "udpgro", "fail")], results);
        Assert.All(file["results"]!.AsArray(), r => Assert.StartsWith(DashboardUrl + "/", r!["link"]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_restart_adds_no_second_entry_and_publishes_a_run_that_ended_while_away(DatabaseKind kind)
    {
        await using var world = await StartAsync(kind);
        var checkout = await world.CheckoutAsync(Branch);
        await world.Service().HandleAsync(Event(checkout), Token);
        await world.ChildAsync(checkout, "kbuild", "kbuild-gcc-14-x86", "pass");
        await world.DoneAsync(checkout);

        var restarted = world.Service();
        await restarted.HandleAsync(Event(checkout), Token);
        await restarted.ResumeAsync(Token);
        await world.Service().ResumeAsync(Token);

        var entry = Assert.Single((await world.ManifestAsync()).AsArray())!;
        Assert.Equal(world.UrlOf($"nipa/jsons/results-{checkout.Id}.json"), entry["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Runs_ending_together_keep_every_entry()
    {
        await using var world = await StartAsync();
        var checkouts = new List<Client.Maestro.MaestroNode>();
        for (var i = 0; i < 6; i++)
        {
            checkouts.Add(await world.CheckoutAsync($"net-next-2026-12-0{i + 1}--15-00", commit: new string((char)('a' + i), 40)));
        }

        // Two processes, each taking half of the runs, all at once.
        var services = new[] { world.Service(), world.Service() };
        await Task.WhenAll(checkouts.Select((c, i) => services[i % 2].HandleAsync(Event(c), Token)));
        var done = new List<Client.Maestro.MaestroNode>();
        foreach (var checkout in checkouts)
        {
            done.Add(await world.DoneAsync(checkout));
        }

        await Task.WhenAll(done.Select((c, i) => services[(i + 1) % 2].HandleAsync(Event(c), Token)));

        var manifest = (await world.ManifestAsync()).AsArray();
        Assert.Equal(checkouts.Select(c => world.UrlOf($"nipa/jsons/results-{c.Id}.json")).Order(),
            manifest.Select(e => e!["url"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task A_failed_checkout_the_trigger_will_retry_stays_in_progress_and_the_retry_takes_the_entry()
    {
        await using var world = await StartAsync();
        var service = world.Service();
        var first = await world.CheckoutAsync(Branch);
        await service.HandleAsync(Event(first), Token);
        await service.HandleAsync(Event(await world.DoneAsync(first, "incomplete")), Token);
        Assert.Null(Assert.Single((await world.ManifestAsync()).AsArray())!["url"]);

        var retry = await world.CheckoutAsync(Branch);
        await service.HandleAsync(Event(retry), Token);
        await world.ChildAsync(retry, "kbuild", "kbuild-gcc-14-x86", "pass");
        await service.HandleAsync(Event(await world.DoneAsync(retry)), Token);
        // The first attempt's events read again change nothing.
        await service.HandleAsync(Event(first), Token);

        var entry = Assert.Single((await world.ManifestAsync()).AsArray())!;
        Assert.Equal(world.UrlOf($"nipa/jsons/results-{retry.Id}.json"), entry["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Runs_made_while_the_service_was_away_are_caught_up()
    {
        await using var world = await StartAsync();
        var done = await world.CheckoutAsync(Branch);
        await world.DoneAsync(done);
        var running = await world.CheckoutAsync("net-next-2026-12-05--18-00", commit: new string('b', 40));

        await world.Service().ResumeAsync(Token);

        var manifest = (await world.ManifestAsync()).AsArray();
        Assert.Equal([(Branch, world.UrlOf($"nipa/jsons/results-{done.Id}.json")), ("net-next-2026-12-05--18-00", null)],
            manifest.Select(e => (e!["branch"]!.GetValue<string>(), e["url"]?.GetValue<string>())));
    }

    [Fact]
    public async Task Other_trees_and_developer_checkouts_are_not_published()
    {
        await using var world = await StartAsync();
        var service = world.Service();
        var other = await world.CheckoutAsync("master", tree: "mainline");
        var developer = await world.CheckoutAsync(Branch, submitter: "developer@example.org");

        await service.HandleAsync(Event(other), Token);
        await service.HandleAsync(Event(developer), Token);
        await service.ResumeAsync(Token);

        Assert.Empty((await world.ManifestAsync()).AsArray());
    }

    [Fact]
    public async Task The_service_follows_checkout_events_once_started()
    {
        await using var world = await StartAsync();
        using var host = await world.RunAsync();
        await using var stop = new StopOnDispose(host);
        // The empty manifest is written once the service has subscribed and caught up.
        Assert.True(await SendKcidb.Eventually.UntilAsync(async () => await world.ManifestOrNullAsync() is not null, TimeSpan.FromSeconds(30)));
        var checkout = await world.CheckoutAsync(Branch);

        Assert.True(await SendKcidb.Eventually.UntilAsync(async () => await world.ManifestOrNullAsync() is JsonArray { Count: 1 }, TimeSpan.FromSeconds(30)));
        await world.ChildAsync(checkout, "kbuild", "kbuild-gcc-14-x86", "pass");
        await world.DoneAsync(checkout);
        Assert.True(await SendKcidb.Eventually.UntilAsync(async () => await world.ManifestOrNullAsync() is JsonArray { Count: 1 } manifest
            && manifest[0]?["url"]?.GetValue<string>() == world.UrlOf($"nipa/jsons/results-{checkout.Id}.json"), TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void The_manifest_keeps_the_newest_entries_within_the_age_limit_oldest_first()
    {
        var now = new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
        var runs = Enumerable.Range(0, 10).Select(i => new NipaRun("e", $"b{i}", $"c{i}", now.AddDays(-i), i % 2 == 0 ? $"u{i}" : null));

        var manifest = JsonNode.Parse(NipaManifest.Render(runs, new NipaOptions { MaxEntries = 3, MaxAge = TimeSpan.FromDays(8) }, now))!.AsArray();
        var aged = JsonNode.Parse(NipaManifest.Render(runs, new NipaOptions { MaxEntries = 100, MaxAge = TimeSpan.FromDays(1.5) }, now))!.AsArray();

        Assert.Equal(["b2", "b1", "b0"], manifest.Select(e => e!["branch"]!.GetValue<string>()));
        Assert.Null(manifest[1]!["url"]);
        Assert.Equal(["b1", "b0"], aged.Select(e => e!["branch"]!.GetValue<string>()));
    }

    [Fact]
    public void Bad_options_are_named_by_key()
    {
        var result = new NipaOptionsValidator().Validate(null, new NipaOptions
        {
            Executor = "", ManifestPath = "../results.json", ResultsFolder = "/abs", MaxEntries = 0, DashboardUrl = "ftp://x",
            Devices = new Dictionary<string, string> { ["board"] = "{not json" },
        });

        Assert.Equal(
        [
            "Pipeline:Nipa:Executor: must be 1 to 80 characters",
            "Pipeline:Nipa:ManifestPath: '../results.json' is not a relative storage path ending in .json",
            "Pipeline:Nipa:ResultsFolder: '/abs' is not a relative storage path",
            "Pipeline:Nipa:MaxEntries: must be at least 1",
            "Pipeline:Nipa:DashboardUrl: 'ftp://x' is not an http(s) URL",
            "Pipeline:Nipa:Devices:board: not a JSON object",
        ], result.Failures);
    }
}
