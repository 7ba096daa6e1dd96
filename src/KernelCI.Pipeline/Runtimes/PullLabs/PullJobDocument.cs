using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>The JSON job a pull lab downloads, in upstream's shape (kernelci/kernelci-core:kernelci/runtime/pull_labs.py
/// and its config/runtime/pull_labs templates; maestro-pipeline §3.4): `artifacts` (kernel, modules, kselftest, rootfs,
/// ramdisk, dtb: URLs or null), one boot test `{id, type: boot, depends, timeout_s}`, the `environment` (platform,
/// arch, serial console) and the `callback` (URL, and the NAME of the token the lab posts with, never the token).
/// What the job runs after the boot is what the QEMU lab runs for it (Runtimes/Qemu/TestDefinition.cs): for
/// `test_method: commands`, one test `{id: NAME, type: command, depends: [BOOT], timeout_s, suite, run, format}` per
/// command, and `environment.extra_kernel_args`; any other method than baseline is listed as a test of that type, for
/// a worker that knows it (the reference worker refuses it as invalid_job_params).</summary>
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
            ["tests"] = Tests(request, timeout, out var extraKernelArgs),
            ["environment"] = new JsonObject
            {
                ["platform"] = request.Platform.Name,
                ["arch"] = request.Platform.Arch,
                ["console"] = Console(request.Platform.Arch),
                ["extra_kernel_args"] = extraKernelArgs,
            },
            ["callback"] = new JsonObject
            {
                ["url"] = callbackBase is null ? null : $"{callbackBase.TrimEnd('/')}/node/{request.Node.Id}",
                ["token_name"] = lab.CallbackTokenName,
            },
        };
    }

    private static JsonArray Tests(JobRequest request, int timeout, out string? extraKernelArgs)
    {
        var boot = request.Job.Name;
        var tests = new JsonArray { new JsonObject { ["id"] = boot, ["type"] = "boot", ["depends"] = new JsonArray(), ["timeout_s"] = timeout } };
        var method = JobParams.String(request.Params, "test_method") ?? "baseline";
        extraKernelArgs = JobParams.String(request.Params, "extra_kernel_args") is { Length: > 0 } extra ? extra : null;
        if (method is "baseline")
        {
            return tests;
        }

        if (method is not "commands")
        {
            tests.Add(new JsonObject { ["id"] = method, ["type"] = method, ["depends"] = new JsonArray(boot), ["timeout_s"] = timeout });
            return tests;
        }

        // Checked as the QEMU lab checks it: a bad list fails the job invalid_job_params at submission, not in the lab.
        var definition = Qemu.TestDefinition.From(request.Params, request.Job.Name);
        foreach (var command in definition.Tests)
        {
            tests.Add(new JsonObject
            {
                ["id"] = command.Name, ["type"] = "command", ["depends"] = new JsonArray(boot), ["timeout_s"] = timeout,
                ["suite"] = definition.Suite, ["run"] = command.Run, ["format"] = command.Ktap ? "ktap" : "exit-code",
            });
        }

        return tests;
    }

    // The serial console by arch, as the QEMU lab boots them (Runtimes/Qemu/QemuCommand.cs).
    private static string Console(string arch) => arch switch
    {
        "arm64" or "arm" => "ttyAMA0",
        _ => "ttyS0",
    };
}
