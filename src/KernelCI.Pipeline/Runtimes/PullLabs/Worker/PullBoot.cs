using System.Text.Json.Nodes;
using KernelCI.Pipeline.Runtimes.Qemu;
using KernelCI.Pipeline.Runtimes.Results;

namespace KernelCI.Pipeline.Runtimes.PullLabs.Worker;

/// <summary>One pull job booted the way the QEMU lab boots (Runtimes/Qemu): the document's kernel and, when it has
/// one, its ramdisk (else the QEMU lab's busybox initramfs, with the modules), QEMU's command line for the arch, the
/// serial log read for the prompt, kernel errors and results, and the same verdict.</summary>
internal sealed class PullBoot(HttpClient http, string directory, bool kvm, TimeProvider time)
{
    public async Task<PullBootOutcome> RunAsync(JsonObject document, string jobName, CancellationToken cancellationToken)
    {
        var artifacts = document["artifacts"] as JsonObject ?? [];
        var test = (document["tests"] as JsonArray)?.FirstOrDefault() as JsonObject;
        var arch = document["environment"]?["arch"]?.ToString() ?? "x86_64";
        var limit = TimeSpan.FromSeconds(test?["timeout_s"] is JsonValue t && t.TryGetValue<double>(out var s) && s > 0 ? s : 600);
        if (artifacts["kernel"]?.ToString() is not { Length: > 0 } kernelUrl)
        {
            return new PullBootOutcome(BootVerdict.Incomplete("invalid_job_params", "artifacts.kernel: the job has no kernel"), null, "");
        }

        string kernel = Path.Combine(directory, "kernel"), initramfs;
        (string Program, List<string> Arguments) command;
        try
        {
            await DownloadAsync(kernelUrl, kernel, cancellationToken);
            if (artifacts["ramdisk"]?.ToString() is { Length: > 0 } ramdiskUrl)
            {
                initramfs = Path.Combine(directory, "ramdisk");
                await DownloadAsync(ramdiskUrl, initramfs, cancellationToken);
            }
            else
            {
                string? modules = null;
                if (artifacts["modules"]?.ToString() is { Length: > 0 } modulesUrl)
                {
                    modules = Path.Combine(directory, "modules.tar.xz");
                    await DownloadAsync(modulesUrl, modules, cancellationToken);
                }

                var definition = TestDefinition.From(new JsonObject { ["test_method"] = "baseline" }, jobName);
                initramfs = await Initramfs.BuildAsync(Path.Combine(directory, "..", "initramfs"), definition, modules, directory, time, cancellationToken);
            }

            command = QemuCommand.For(arch, kernel, initramfs, "", kvm);
        }
        catch (InvalidJobParamsException e)
        {
            return new PullBootOutcome(BootVerdict.Incomplete("invalid_job_params", e.Message), null, "");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new PullBootOutcome(BootVerdict.Incomplete("Infrastructure", "preparing the boot failed: " + PublicReason.Of(e)), null, "");
        }

        var serial = Path.Combine(directory, "log.txt");
        int? rc;
        try
        {
            rc = await ChildProcess.RunAsync(command.Program, command.Arguments, directory, serial, limit, time, cancellationToken);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            return new PullBootOutcome(BootVerdict.Incomplete("Infrastructure", $"could not run {command.Program}: {PublicReason.Of(e)}"), null, "");
        }

        var text = await File.ReadAllTextAsync(serial, CancellationToken.None);
        var log = SerialLogParser.Parse(text);
        var tail = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3).ToList();
        return new PullBootOutcome(BootVerdict.From(log, rc, limit, tail), log, text);
    }

    private async Task DownloadAsync(string url, string file, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var output = File.Create(file);
        await response.Content.CopyToAsync(output, cancellationToken);
    }
}
