using System.Text.Json.Nodes;
using KernelCI.Pipeline.Runtimes.Qemu;
using KernelCI.Pipeline.Runtimes.Results;

namespace KernelCI.Pipeline.Runtimes.PullLabs.Worker;

/// <summary>One pull job run the way the QEMU lab runs the same job (Runtimes/Qemu): the document's tests read into
/// the QEMU lab's test definition (<see cref="PullTests"/>: a boot, or a boot and the job's commands), the document's
/// kernel and, for a boot alone with a `ramdisk`, that ramdisk, else the QEMU lab's busybox initramfs with the modules
/// and the commands; QEMU's command line for the arch, the serial log read for the prompt, kernel errors and every
/// test case, and the same verdict. <paramref name="progress"/> is told each step (the worker renews its lease).</summary>
internal sealed class PullBoot(HttpClient http, string directory, bool kvm, TimeProvider time, Func<string, Task>? progress = null)
{
    public async Task<PullBootOutcome> RunAsync(JsonObject document, string jobName, CancellationToken cancellationToken)
    {
        var artifacts = document["artifacts"] as JsonObject ?? [];
        var arch = document["environment"]?["arch"]?.ToString() ?? "x86_64";
        var limit = PullTests.Limit(document);
        TestDefinition definition;
        try
        {
            definition = PullTests.Read(document, jobName);
        }
        catch (InvalidJobParamsException e)
        {
            return new PullBootOutcome(BootVerdict.Incomplete("invalid_job_params", e.Message), null, "");
        }

        if (artifacts["kernel"]?.ToString() is not { Length: > 0 } kernelUrl)
        {
            return new PullBootOutcome(BootVerdict.Incomplete("invalid_job_params", "artifacts.kernel: the job has no kernel"), null, "");
        }

        string kernel = Path.Combine(directory, "kernel"), initramfs;
        (string Program, List<string> Arguments) command;
        try
        {
            await DownloadAsync(kernelUrl, kernel, cancellationToken);
            // A given ramdisk cannot carry the job's commands: only a boot alone uses it.
            if (definition.Tests.Count == 0 && artifacts["ramdisk"]?.ToString() is { Length: > 0 } ramdiskUrl)
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

                initramfs = await Initramfs.BuildAsync(Path.Combine(directory, "..", "initramfs"), definition, modules, directory, time, cancellationToken);
            }

            command = QemuCommand.For(arch, kernel, initramfs, definition.ExtraKernelArgs, kvm);
        }
        catch (InvalidJobParamsException e)
        {
            return new PullBootOutcome(BootVerdict.Incomplete("invalid_job_params", e.Message), null, "");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new PullBootOutcome(BootVerdict.Incomplete("Infrastructure", "preparing the boot failed: " + PublicReason.Of(e)), null, "");
        }

        if (progress is not null)
        {
            await progress($"booting {definition.Method} ({definition.Tests.Count} tests)");
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
