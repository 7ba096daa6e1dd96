using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Client.Kcidb;
using KernelCI.Client.Maestro;
using KernelCI.EndToEnd.Tests.Bisect;

namespace KernelCI.EndToEnd.Tests.Regressions;

/// <summary>The variants of issue 20 item 6 whose point is the tracker's rule, not the build: an infrastructure ERROR
/// opens no regression, and a test failing at random half the time is marked flaky and is never bisected. Their results
/// are submitted straight to KCIDB under the pipeline's own origin (as send-kcidb would), to a real `kernelci serve`
/// with the regression service and the automatic bisection on; building and booting a kernel per commit would cost a
/// dozen builds to show the same rule (<see cref="RegressionRun"/> builds the variants that need a kernel).</summary>
public sealed class RegressionRulesEndToEndTests(RegressionRulesEndToEndTests.Server server) : IClassFixture<RegressionRulesEndToEndTests.Server>
{
    private static readonly TimeSpan TrackerBudget = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Infrastructure_error_opens_no_regression()
    {
        // Given two series of the same branch that passed, then one ends ERROR (the lab) and the other FAIL (the kernel)
        var statuses = new Dictionary<string, string[]>
        {
            ["infra.lab-error"] = ["PASS", "PASS", "ERROR", "ERROR"],
            ["infra.kernel-fail"] = ["PASS", "PASS", "FAIL", "FAIL"],
        };

        // When both are submitted in one document
        await server.SubmitAsync("lab-noise", statuses);

        // Then the failure opens a regression (the tracker has read the document) and the error none
        var failed = await server.WaitRegressionsAsync("lab-noise", "infra.kernel-fail", found => found.Count > 0);
        Assert.Equal(Commit("lab-noise", 2), Assert.Single(failed)["first_bad_commit"]?.ToString());
        Assert.Empty(await server.RegressionsAsync("lab-noise", "infra.lab-error"));
    }

    [Fact]
    public async Task Test_failing_at_random_half_the_time_is_flaky_and_not_bisected()
    {
        // Given a test that passed, then passes or fails at random (seeded, so the same draw each run)
        var random = new Random(20);
        var coin = Enumerable.Range(0, 16).Select(i => i < 2 || random.Next(2) == 0 ? "PASS" : "FAIL").ToArray();
        var flips = coin.Zip(coin.Skip(1)).Count(p => p.First != p.Second);
        Assert.InRange(flips, 6, 15);

        // When its sixteen commits are submitted
        await server.SubmitAsync("coin", new Dictionary<string, string[]> { ["random.coin"] = coin });

        // Then the series is flaky, it has no regression, and nothing is bisected
        var flaky = await server.WaitFlakyAsync("coin", "random.coin");
        Assert.True(flaky["flip_rate"]!.GetValue<double>() >= 0.3, flaky.ToJsonString());
        Assert.Empty(await server.RegressionsAsync("coin", "random.coin"));
        Assert.Empty(await server.Maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "process").Where("name", "bisection")));
    }

    /// <summary>A 40-digit hash for commit <paramref name="index"/> of a branch's made-up history.</summary>
    private static string Commit(string branch, int index) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{branch}/{index}")));

    /// <summary>A `kernelci serve` with every component on its defaults (the regression service and automatic bisection
    /// included) and no build configuration: it builds nothing by itself.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private BisectServer? _server;

        public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(1) };

        public MaestroClient Maestro { get; private set; } = null!;

        private KcidbClient Kcidb { get; set; } = null!;

        public async ValueTask InitializeAsync()
        {
            _server = await BisectServer.StartAsync();
            Maestro = new MaestroClient(new HttpClient { BaseAddress = new Uri(_server.Api, "latest/") });
            Kcidb = new KcidbClient(new HttpClient { BaseAddress = _server.Kcidb }, await _server.KcidbTokenAsync());
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }

        /// <summary>One checkout per commit of tree `local`, branch <paramref name="branch"/>, an hour apart, each with a
        /// passing build and one test per series with its status at that commit; waits until KCIDB has ingested it.</summary>
        public async Task SubmitAsync(string branch, IReadOnlyDictionary<string, string[]> series)
        {
            var commits = series.Values.Max(s => s.Length);
            var start = DateTimeOffset.UtcNow.AddHours(-commits);
            var checkouts = new JsonArray();
            var builds = new JsonArray();
            var tests = new JsonArray();
            for (var i = 0; i < commits; i++)
            {
                var id = $"maestro:{branch}-{i}";
                checkouts.Add(new JsonObject
                {
                    ["id"] = id + "-c", ["origin"] = "maestro", ["tree_name"] = "local", ["git_repository_branch"] = branch,
                    ["git_repository_url"] = "https://git.example.org/linux.git", ["git_commit_hash"] = Commit(branch, i),
                    ["start_time"] = start.AddHours(i).ToString("O"),
                });
                builds.Add(new JsonObject
                {
                    ["id"] = id + "-b", ["origin"] = "maestro", ["checkout_id"] = id + "-c", ["status"] = "PASS",
                    ["config_name"] = "tinyconfig", ["architecture"] = "x86_64", ["compiler"] = "gcc-12", ["start_time"] = start.AddHours(i).ToString("O"),
                });
                foreach (var (path, statuses) in series)
                {
                    tests.Add(new JsonObject
                    {
                        ["id"] = $"{id}-{path}", ["origin"] = "maestro", ["build_id"] = id + "-b", ["path"] = path, ["status"] = statuses[i],
                        ["start_time"] = start.AddHours(i).ToString("O"), ["environment"] = new JsonObject { ["misc"] = new JsonObject { ["platform"] = "qemu-x86_64" } },
                    });
                }
            }

            var document = new JsonObject
            {
                ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 }, ["checkouts"] = checkouts, ["builds"] = builds, ["tests"] = tests,
            };
            await using var body = new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString()));
            var reply = await Kcidb.SubmitAsync(body);
            var status = await Kcidb.WaitAsync(reply.Id, TimeSpan.FromMilliseconds(200)).WaitAsync(TrackerBudget);
            Assert.True(status.Status == "processed", $"submission {reply.Id}: {status.Status} {string.Join("; ", status.Errors ?? [])}");
        }

        /// <summary>The dashboard API's regressions of one series, in any state.</summary>
        public async Task<IReadOnlyList<JsonObject>> RegressionsAsync(string branch, string path)
        {
            var page = await GetAsync($"api/regressions?state=all&tree_name=local&git_repository_branch={branch}&path={path}");
            return [.. page["items"]!.AsArray().Select(i => i!.AsObject()).Where(i => i["path"]?.ToString() == path)];
        }

        public async Task<IReadOnlyList<JsonObject>> WaitRegressionsAsync(string branch, string path, Func<IReadOnlyList<JsonObject>, bool> ready)
        {
            var deadline = DateTime.UtcNow + TrackerBudget;
            while (true)
            {
                var found = await RegressionsAsync(branch, path);
                if (ready(found) || DateTime.UtcNow > deadline)
                {
                    return found;
                }

                // The tracker runs in the server after ingestion; only its API shows when it is done.
                await Task.Delay(250);
            }
        }

        /// <summary>The dashboard API's flaky series of the branch with this path, once the tracker has marked it.</summary>
        public async Task<JsonObject> WaitFlakyAsync(string branch, string path)
        {
            var deadline = DateTime.UtcNow + TrackerBudget;
            while (true)
            {
                var page = await GetAsync($"api/flaky?tree_name=local&git_repository_branch={branch}");
                if (page["items"]!.AsArray().FirstOrDefault(i => i?["path"]?.ToString() == path) is { } found)
                {
                    return found.AsObject();
                }

                Assert.True(DateTime.UtcNow < deadline, $"{path} was not listed flaky: {page.ToJsonString()}");
                await Task.Delay(250);
            }
        }

        private async Task<JsonObject> GetAsync(string relative) =>
            JsonNode.Parse(await Http.GetStringAsync(new Uri(_server!.Dashboard, relative)))!.AsObject();
    }
}
