using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Services.Nipa;

/// <summary>One run's results file in NIPA's remote format (linux-netdev/nipa:contest/remote/lib/fetcher.py and
/// contest/results-collector.py; docs/integrations.md, "NIPA"), from a done checkout and the nodes of its tree:
/// <list type="bullet">
/// <item>each kbuild is `{group: "kbuild", test: NAME}`;</item>
/// <item>each job's direct test nodes are `{group: JOB, test: NAME}`, the tests below them its nested `results`
/// (named by their path under it, joined with '.'); a job without test nodes is `{group: JOB, test: JOB}`;</item>
/// <item>a node run again (job-retry) counts once, with its latest attempt.</item>
/// </list>
/// Results: pass, skip and fail stay themselves; incomplete (or no result: timed out) is `warn`, which NIPA shows as a
/// warning, since an infrastructure failure says nothing about the branch. `device` is present for a run with a job on
/// a hardware (non-QEMU) platform, which is what makes NIPA treat the results as a HW remote's.</summary>
internal static class NipaResultsFile
{
    // NIPA's columns: group varchar(80), test varchar(128), nested test varchar(256) (contest/results-collector.py).
    private const int GroupLength = 80;
    private const int TestLength = 128;
    private const int SubtestLength = 256;

    private static readonly HashSet<string> VirtualPlatforms = new(StringComparer.OrdinalIgnoreCase) { "docker", "kubernetes", "shell" };

    public static JsonObject Build(string executor, MaestroNode checkout, IReadOnlyList<MaestroNode> nodes, NipaOptions options,
        IReadOnlyDictionary<string, PlatformConfig> platforms, string origin)
    {
        var revision = checkout.Data["kernel_revision"] as JsonObject;
        var children = nodes.Where(n => n.Parent is not null).ToLookup(n => n.Parent!);
        var links = new Links(options.DashboardUrl, origin);
        var results = new JsonArray();
        foreach (var kbuild in Latest(nodes.Where(n => n.Kind == "kbuild")))
        {
            results.Add(Entry("kbuild", kbuild, links.Build(kbuild.Id!)));
        }

        foreach (var job in Latest(nodes.Where(n => n.Kind == "job")))
        {
            var tests = Latest(children[job.Id!].Where(n => n.Kind == "test")).ToList();
            if (tests.Count == 0)
            {
                results.Add(Entry(job.Name, job, links.Test(job.Id!)));
                continue;
            }

            foreach (var test in tests)
            {
                var entry = Entry(job.Name, test, links.Test(test.Id!));
                var nested = new JsonArray();
                Nested(test, "", children, nested);
                if (nested.Count > 0)
                {
                    entry["results"] = nested;
                }

                results.Add(entry);
            }
        }

        var file = new JsonObject
        {
            ["executor"] = executor,
            ["branch"] = revision?["branch"]?.ToString(),
            ["start"] = Stamp(checkout.Created),
            ["end"] = Stamp(nodes.Append(checkout).Max(n => n.Updated ?? n.Created)),
        };
        if (links.Checkout(revision, checkout) is { } link)
        {
            file["link"] = link;
        }

        if (Device(nodes, options, platforms) is { } device)
        {
            file["device"] = device;
        }

        file["results"] = results;
        return file;
    }

    /// <summary>NIPA's result words (contest/results-collector.py accepts pass, skip, warn, fail).</summary>
    public static string Result(string? result) => result switch
    {
        "pass" => "pass",
        "skip" => "skip",
        "fail" => "fail",
        _ => "warn",
    };

    /// <summary>Python's `str()` of an aware UTC datetime, always with microseconds, as NIPA's own executors write it.</summary>
    public static string Stamp(DateTime? time) =>
        (time ?? DateTime.UnixEpoch).ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    private static JsonObject Entry(string group, MaestroNode node, string? link)
    {
        var entry = new JsonObject
        {
            ["group"] = Cut(group, GroupLength),
            ["test"] = Cut(node.Name, TestLength),
            ["result"] = Result(node.Result),
        };
        if (link is not null)
        {
            entry["link"] = link;
        }

        if (node is { Created: { } created, Updated: { } updated } && updated > created)
        {
            entry["time"] = Math.Round((updated - created).TotalSeconds, 3);
        }

        return entry;
    }

    private static void Nested(MaestroNode parent, string prefix, ILookup<string, MaestroNode> children, JsonArray into)
    {
        foreach (var child in Latest(children[parent.Id!]))
        {
            var name = prefix.Length == 0 ? child.Name : prefix + "." + child.Name;
            if (!children[child.Id!].Any())
            {
                into.Add(new JsonObject { ["test"] = Cut(name, SubtestLength), ["result"] = Result(child.Result) });
            }

            Nested(child, name, children, into);
        }
    }

    /// <summary>The latest attempt of each name under each parent, in name order.</summary>
    private static IEnumerable<MaestroNode> Latest(IEnumerable<MaestroNode> nodes) =>
        nodes.GroupBy(n => (n.Parent, n.Name))
            .Select(g => g.MaxBy(n => (n.RetryCounter, n.Created ?? DateTime.MinValue))!)
            .OrderBy(n => n.Name, StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal);

    private static JsonNode? Device(IReadOnlyList<MaestroNode> nodes, NipaOptions options, IReadOnlyDictionary<string, PlatformConfig> platforms)
    {
        var hardware = nodes.Where(n => n.Kind == "job")
            .Select(n => n.Data["platform"]?.ToString())
            .OfType<string>()
            .Where(p => IsHardware(p, platforms))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (hardware is null)
        {
            return null;
        }

        if (options.Devices.TryGetValue(hardware, out var device))
        {
            return device.TrimStart().StartsWith('{') ? JsonNode.Parse(device) : JsonValue.Create(device);
        }

        return JsonValue.Create(hardware);
    }

    private static bool IsHardware(string platform, IReadOnlyDictionary<string, PlatformConfig> platforms)
    {
        if (VirtualPlatforms.Contains(platform) || platform.StartsWith("qemu", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // A configured platform says whether it is QEMU (upstream's qemu-device anchor: mach and base_name `qemu`).
        return !platforms.TryGetValue(platform, out var config)
            || !(string.Equals(config.Mach, "qemu", StringComparison.OrdinalIgnoreCase)
                 || string.Equals(config.BaseName, "qemu", StringComparison.OrdinalIgnoreCase)
                 || string.Equals(config.BootMethod, "qemu", StringComparison.OrdinalIgnoreCase));
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    private sealed class Links(string? dashboard, string origin)
    {
        private readonly string? _root = dashboard?.TrimEnd('/');

        public string? Build(string id) => _root is null ? null : $"{_root}/build/{Uri.EscapeDataString(origin + ":" + id)}";

        public string? Test(string id) => _root is null ? null : $"{_root}/test/{Uri.EscapeDataString(origin + ":" + id)}";

        public string? Checkout(JsonObject? revision, MaestroNode checkout) =>
            _root is null || revision?["tree"]?.ToString() is not { } tree || revision["branch"]?.ToString() is not { } branch
                ? null
                : $"{_root}/tree/{Uri.EscapeDataString(tree)}/{Uri.EscapeDataString(branch)}/{revision["commit"]}";
    }
}
