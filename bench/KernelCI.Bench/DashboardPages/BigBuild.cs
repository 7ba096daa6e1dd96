using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Bench.KcidbIngest.Dataset;

namespace KernelCI.Bench.DashboardPages;

/// <summary>Issue 17 times "a build with 2,000 tests"; the kcidb-ingest dataset's builds have about 40 each. This is
/// one more checkout on a tree of its own with one build of <see cref="Tests"/> tests in nested suites, submitted
/// through KCIDB after the dataset so every other page keeps its figures.</summary>
internal static class BigBuild
{
    public const int Tests = 2_500;
    public const string BuildId = IdFactory.Origin + ":bench-pages-big-build";

    private static readonly string[] Statuses = ["PASS", "PASS", "PASS", "PASS", "FAIL", "SKIP", "PASS", "ERROR", "PASS", "PASS"];

    public static async Task<string> WriteAsync(string folder, CancellationToken cancellationToken)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var checkout = IdFactory.Origin + ":bench-pages-big-checkout";
        var tests = new JsonArray();
        for (var i = 0; i < Tests; i++)
        {
            tests.Add(new JsonObject
            {
                ["id"] = $"{IdFactory.Origin}:bench-pages-big-test-{i:0000}",
                ["origin"] = IdFactory.Origin,
                ["build_id"] = BuildId,
                ["path"] = $"kselftest.suite{i % 25:00}.group{i / 25 % 10}.case{i:0000}",
                ["status"] = Statuses[i % Statuses.Length],
                ["start_time"] = Time(start.AddSeconds(60 + i)),
                ["duration"] = 0.5 + i % 7,
                ["environment"] = new JsonObject { ["comment"] = "qemu", ["misc"] = new JsonObject { ["platform"] = "qemu-x86_64" } },
            });
        }

        var document = new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["checkouts"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = checkout, ["origin"] = IdFactory.Origin, ["tree_name"] = "bench-big",
                    ["git_repository_url"] = "https://git.kernel.org/pub/scm/linux/kernel/git/bench/big.git",
                    ["git_repository_branch"] = "master", ["git_commit_hash"] = "b16b16b16b16b16b16b16b16b16b16b16b16b16b",
                    ["start_time"] = Time(start), ["valid"] = true,
                },
            },
            ["builds"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = BuildId, ["origin"] = IdFactory.Origin, ["checkout_id"] = checkout, ["architecture"] = "x86_64",
                    ["compiler"] = "gcc-12", ["config_name"] = "defconfig", ["status"] = "PASS", ["start_time"] = Time(start.AddSeconds(1)),
                    ["duration"] = 600.0, ["log_url"] = "https://storage.example.org/bench/big/build.log",
                },
            },
            ["tests"] = tests,
        };
        var path = Path.Combine(folder, "big-build.json");
        await File.WriteAllTextAsync(path, document.ToJsonString(), cancellationToken);
        return path;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
