using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>The JSON job a pull lab downloads, in upstream's shape (kernelci/kernelci-core:kernelci/runtime/pull_labs.py
/// and its config/runtime/pull_labs templates; maestro-pipeline §3.4): `artifacts` (kernel, modules, kselftest, rootfs,
/// ramdisk, dtb: URLs or null), one boot test `{id, type: boot, depends, timeout_s}`, the `environment` (platform,
/// arch, serial console) and the `callback` (URL, and the NAME of the token the lab posts with, never the token).</summary>
internal static class PullJobDocument
{
    public static JsonObject Build(JobRequest request, PullLabSettings lab, string? callbackBase)
    {
        var timeout = (int)JobParams.Timeout(request.Params, 10).TotalSeconds;
        string? Artifact(string name) => request.Artifacts.TryGetValue(name, out var url) ? url : JobParams.String(request.Params, name);
        return new JsonObject
        {
            ["artifacts"] = new JsonObject
            {
                ["kernel"] = Artifact("kernel"),
                ["modules"] = Artifact("modules"),
                ["kselftest"] = Artifact("kselftest"),
                ["rootfs"] = Artifact("rootfs"),
                ["ramdisk"] = Artifact("ramdisk"),
                ["dtb"] = Artifact("dtb"),
            },
            ["tests"] = new JsonArray
            {
                new JsonObject { ["id"] = request.Job.Name, ["type"] = "boot", ["depends"] = new JsonArray(), ["timeout_s"] = timeout },
            },
            ["environment"] = new JsonObject
            {
                ["platform"] = request.Platform.Name,
                ["arch"] = request.Platform.Arch,
                ["console"] = Console(request.Platform.Arch),
            },
            ["callback"] = new JsonObject
            {
                ["url"] = callbackBase is null ? null : $"{callbackBase.TrimEnd('/')}/node/{request.Node.Id}",
                ["token_name"] = lab.CallbackTokenName,
            },
        };
    }

    // The serial console by arch, as the QEMU lab boots them (Runtimes/Qemu/QemuCommand.cs).
    private static string Console(string arch) => arch switch
    {
        "arm64" or "arm" => "ttyAMA0",
        _ => "ttyS0",
    };
}
