using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Tests.Services.SendKcidb;

/// <summary>A small node tree (checkout → kbuild → baseline job → tests) and the configuration mapping its jobs.</summary>
internal static class BridgeNodes
{
    public static readonly DateTime Created = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    public static PipelineConfig Config { get; } = new()
    {
        // The checkout's local tree is configured, as trees.yaml does for the demo's file:// tree.
        Trees = new Dictionary<string, TreeConfig> { ["local"] = new("local", "file:///src/linux") },
        Jobs = new Dictionary<string, JobConfig>
        {
            ["kbuild-gcc-x86"] = Job("kbuild-gcc-x86", "kbuild", null),
            ["baseline-x86"] = Job("baseline-x86", "job", "boot"),
            ["kselftest-dt"] = Job("kselftest-dt", "job", "kselftest.dt"),
            ["kunit-x86_64"] = Job("kunit-x86_64", "job", "kunit"),
            ["unmapped-job"] = Job("unmapped-job", "job", null),
        },
        Platforms = new Dictionary<string, PlatformConfig>
        {
            ["qemu-x86_64"] = new("qemu-x86_64", "x86_64", "qemu", "qemu", null, ["qemu,x86_64"], null, [], [], Rules.None),
        },
    };

    public static MaestroNode Checkout(string state = "available", string? result = "pass") => new()
    {
        Id = "c1", Kind = "checkout", Name = "checkout", Path = ["checkout"], State = state, Result = result, Created = Created,
        Submitter = "service:pipeline",
        Data = new JsonObject
        {
            ["kernel_revision"] = new JsonObject
            {
                ["tree"] = "local", ["url"] = "file:///src/linux", ["branch"] = "main", ["commit"] = new string('a', 40),
                ["describe"] = "v6.1-rc1-3-gaaaa", ["commit_tags"] = new JsonArray("v6.1-rc1"), ["commit_message"] = "msg",
                ["tip_of_branch"] = true,
            },
        },
    };

    /// <summary>A patchset applied on <see cref="Checkout"/> (kernelci/kernelci-pipeline:src/patchset.py): a checkout-kind node one level
    /// down, with its patches as artifacts and their hash in its revision.</summary>
    public static MaestroNode Patchset(string parent = "c1")
    {
        var revision = Checkout().Data["kernel_revision"]!.DeepClone().AsObject();
        revision["patchset"] = PatchsetHash;
        return new()
        {
            Id = "p1", Kind = "checkout", Name = "patchset", Path = ["checkout", "patchset"], Parent = parent, State = "available",
            Result = "pass", Created = Created, Submitter = "user:dev@example.org",
            Artifacts = new Dictionary<string, string>
            {
                ["patch1"] = "http://s/patchset/dev/2.patch", ["patch0"] = "http://s/patchset/dev/1.patch",
                ["tarball"] = "http://s/linux-p1.tar.gz",
            },
            Data = new JsonObject { ["kernel_revision"] = revision },
        };
    }

    public static readonly string PatchsetHash = new('b', 64);

    public static MaestroNode Kbuild(string state = "done", string? result = "pass", int retry = 0, string? errorCode = null,
        IReadOnlyDictionary<string, string>? artifacts = null) => new()
    {
        Id = "k1", Kind = "kbuild", Name = "kbuild-gcc-x86", Path = ["checkout", "kbuild-gcc-x86"], Parent = "c1", State = state,
        Result = result, RetryCounter = retry, Created = Created,
        Artifacts = artifacts ?? new Dictionary<string, string>
        {
            ["kernel"] = "http://s/k1/bzImage", ["_config"] = "http://s/k1/.config", ["modules"] = "http://s/k1/modules.tar.xz",
            ["dtbs/x.dtb"] = "http://s/k1/x.dtb",
        },
        Data = BuildData(errorCode),
    };

    public static MaestroNode Job(string name, string? result, IReadOnlyList<string>? path = null, string parent = "k1", string? errorCode = null,
        int retry = 0, string id = "j1", IReadOnlyDictionary<string, string>? artifacts = null, string kind = "job") => new()
    {
        Id = id, Kind = kind, Name = name, Path = path ?? ["checkout", "kbuild-gcc-x86", name], Parent = parent, State = "done",
        Result = result, RetryCounter = retry, Created = Created, Artifacts = artifacts ?? new Dictionary<string, string>(),
        Data = BuildData(errorCode).Put("platform", "qemu-x86_64").Put("runtime", "qemu-lab"),
    };

    public static Func<string, CancellationToken, Task<MaestroNode?>> Lookup(params MaestroNode[] nodes) =>
        (id, _) => Task.FromResult(nodes.FirstOrDefault(n => n.Id == id));

    private static JsonObject BuildData(string? errorCode)
    {
        var data = new JsonObject
        {
            ["arch"] = "x86_64", ["compiler"] = "gcc", ["defconfig"] = "tinyconfig", ["config_full"] = "tinyconfig+qemu-serial",
            ["kernel_type"] = "bzimage", ["platform"] = "qemu-x86_64", ["runtime"] = "local-shell", ["job_id"] = "42",
            ["kernel_revision"] = Checkout().Data["kernel_revision"]!.DeepClone(),
        };
        return errorCode is null ? data : data.Put("error_code", errorCode);
    }

    private static JsonObject Put(this JsonObject data, string key, string value)
    {
        data[key] = value;
        return data;
    }

    private static JobConfig Job(string name, string kind, string? suite) => new(name, kind, null, null, [], Rules.None, suite);
}
