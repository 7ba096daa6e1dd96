using System.IO.Compression;
using System.Text.Json.Nodes;
using KernelCI.Pipeline.Runtimes.Results;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.Qemu;

/// <summary>One boot in the QEMU lab: fetch the kernel (and modules), build the initramfs, boot under a wall-clock
/// limit with the serial console captured, then write the whole result hierarchy on the job node in one PUT with the
/// serial log as artifacts.lava_log.</summary>
internal sealed class QemuJob(JobRequest request, RuntimeContext context, bool kvm)
{
    private readonly ILogger _logger = context.Loggers.CreateLogger<QemuJob>();
    private readonly string _nodeId = request.Node.Id!;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var directory = context.JobDirectory("qemu", request);
        Directory.CreateDirectory(directory);
        try
        {
            var (verdict, children, lavaLog) = await BootAsync(directory, cancellationToken);
            await FinishAsync(verdict, children, lavaLog, cancellationToken);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task<(BootVerdict, List<ResultNode>, string?)> BootAsync(string directory, CancellationToken cancellationToken)
    {
        TestDefinition definition;
        TimeSpan limit;
        try
        {
            definition = TestDefinition.From(request.Params, request.Job.Name);
            limit = JobParams.Timeout(request.Params, 10);
        }
        catch (InvalidJobParamsException e)
        {
            return (BootVerdict.Incomplete("invalid_job_params", e.Message), [], null);
        }

        if (!request.Artifacts.TryGetValue("kernel", out var kernelUrl))
        {
            return (BootVerdict.Incomplete("invalid_job_params", "artifacts.kernel: the build has no kernel"), [], null);
        }

        var kernel = Path.Combine(directory, "kernel");
        string initramfs;
        (string Program, List<string> Arguments) command;
        try
        {
            await context.Downloader.DownloadAsync(kernelUrl, kernel, cancellationToken);
            string? modules = null;
            if (request.Artifacts.TryGetValue("modules", out var modulesUrl))
            {
                modules = Path.Combine(directory, "modules.tar.xz");
                await context.Downloader.DownloadAsync(modulesUrl, modules, cancellationToken);
            }

            initramfs = await Initramfs.BuildAsync(Path.Combine(context.WorkDirectory, "qemu", "initramfs"), definition, modules, directory,
                context.Time, cancellationToken);
            command = QemuCommand.For(request.Platform.Arch, kernel, initramfs, definition.ExtraKernelArgs, kvm);
        }
        catch (InvalidJobParamsException e)
        {
            return (BootVerdict.Incomplete("invalid_job_params", e.Message), [], null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            QemuLog.Failed(_logger, _nodeId, "preparing the boot", e);
            return (BootVerdict.Incomplete("Infrastructure", "preparing the boot failed: " + PublicReason.Of(e)), [], null);
        }

        var serial = Path.Combine(directory, "log.txt");
        QemuLog.Booting(_logger, _nodeId, request.Job.Name, request.Platform.Name, command.Program + " " + string.Join(' ', command.Arguments));
        int? rc;
        try
        {
            rc = await ChildProcess.RunAsync(command.Program, command.Arguments, directory, serial, limit,
                context.Time, cancellationToken);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            QemuLog.Failed(_logger, _nodeId, "starting " + command.Program, e);
            return (BootVerdict.Incomplete("Infrastructure", $"could not run {command.Program}: {PublicReason.Of(e)}"), [], null);
        }

        var text = await File.ReadAllTextAsync(serial, CancellationToken.None);
        var log = SerialLogParser.Parse(text);
        var tail = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3).ToList();
        var verdict = BootVerdict.From(log, rc, limit, tail);
        string? lavaLog = null;
        try
        {
            lavaLog = await UploadLogAsync(serial, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            QemuLog.Failed(_logger, _nodeId, "uploading the serial log", e);
            verdict = BootVerdict.Incomplete("Infrastructure", "uploading the serial log failed: " + PublicReason.Of(e));
        }

        return (verdict, ResultTree.Children(log), lavaLog);
    }

    private async Task<string> UploadLogAsync(string serial, CancellationToken cancellationToken)
    {
        var gzipped = serial + ".gz";
        await using (var input = File.OpenRead(serial))
        await using (var output = new GZipStream(File.Create(gzipped), CompressionLevel.Optimal))
        {
            await input.CopyToAsync(output, cancellationToken);
        }

        var path = RuntimeContext.StoragePath(request);
        await context.Storage.UploadFilesAsync(path, [gzipped], cancellationToken);
        return context.Urls.For(path + "/log.txt.gz");
    }

    private async Task FinishAsync(BootVerdict verdict, List<ResultNode> children, string? lavaLog, CancellationToken cancellationToken)
    {
        QemuLog.Finished(_logger, _nodeId, verdict.Result, verdict.ErrorCode);
        var node = await context.Nodes.GetAsync(_nodeId, cancellationToken);
        var artifacts = new Dictionary<string, string>(node.Artifacts);
        if (lavaLog is not null)
        {
            artifacts["lava_log"] = lavaLog;
        }

        var root = node with
        {
            State = "done",
            Result = verdict.Result,
            Artifacts = artifacts,
            Data = NodeWriter.Merge(node.Data, new JsonObject
            {
                ["device"] = request.Platform.Name,
                ["error_code"] = verdict.ErrorCode,
                ["error_msg"] = verdict.ErrorMessage,
            }),
        };
        await context.Nodes.PutTreeAsync(ResultTree.Build(root, children), cancellationToken);
    }
}
