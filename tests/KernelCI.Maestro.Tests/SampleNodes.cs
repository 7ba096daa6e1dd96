using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.Maestro.Tests;

/// <summary>Sample nodes shaped like the pipeline's.</summary>
internal static class SampleNodes
{
    public static JsonObject Revision(string commit = "abc123", string tree = "mainline", string branch = "master") => new()
    {
        ["tree"] = tree,
        ["url"] = "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git",
        ["branch"] = branch,
        ["commit"] = commit,
        ["describe"] = "v6.9-rc1",
        ["version"] = new JsonObject { ["version"] = "6", ["patchlevel"] = "9", ["sublevel"] = null, ["extra"] = "-rc1" },
    };

    public static MaestroNode Checkout(string treeid = "tree-1", string commit = "abc123") => new()
    {
        Kind = "checkout",
        Name = "checkout",
        Path = ["checkout"],
        Treeid = treeid,
        Data = new JsonObject { ["kernel_revision"] = Revision(commit), ["custom_key"] = "kept" },
    };

    public static MaestroNode Child(MaestroNode parent, string kind, string name, string? arch = null) => new()
    {
        Kind = kind,
        Name = name,
        Parent = parent.Id,
        Path = [.. parent.Path, name],
        Treeid = parent.Treeid,
        Data = new JsonObject { ["kernel_revision"] = Revision(), ["arch"] = arch ?? "x86_64", ["platform"] = "qemu-x86" },
    };

    public static string CheckoutJson(string name = "checkout") =>
        new JsonObject { ["kind"] = "checkout", ["name"] = name, ["path"] = new JsonArray(name), ["data"] = new JsonObject { ["kernel_revision"] = Revision() } }.ToJsonString();
}
