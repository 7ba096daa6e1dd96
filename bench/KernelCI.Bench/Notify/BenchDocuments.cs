using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KernelCI.Bench.Notify;

/// <summary>The KCIDB documents of the run: one checkout of mainline/master with one build and the given tests, all
/// PASS or all FAIL. A FAIL commit after a PASS one opens a regression per test (docs/regressions.md, "Open").</summary>
internal static class BenchDocuments
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<string> WriteAsync(string directory, string name, int hour, IReadOnlyList<string> paths, string status,
        CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("bench-notify-" + name)));
        var start = Start.AddHours(hour);
        var checkout = $"maestro:bench-notify-{name}";
        var build = checkout + "-b";
        var document = new
        {
            version = new { major = 5, minor = 3 },
            checkouts = new[] { new { id = checkout, origin = "maestro", tree_name = "mainline",
                git_repository_url = "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git", git_repository_branch = "master",
                git_commit_hash = hash, start_time = start, valid = true } },
            builds = new[] { new { id = build, origin = "maestro", checkout_id = checkout, start_time = start.AddMinutes(5),
                architecture = "x86_64", compiler = "gcc-12", config_name = "x86_64_defconfig", status = "PASS" } },
            tests = paths.Select((path, i) => new { id = $"{checkout}-t{i}", origin = "maestro", build_id = build, start_time = start.AddMinutes(30),
                path, status, environment = new { misc = new { platform = "qemu-x86" } } }).ToArray(),
        };
        var file = Path.Combine(directory, name + ".json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(document), cancellationToken);
        return file;
    }
}
