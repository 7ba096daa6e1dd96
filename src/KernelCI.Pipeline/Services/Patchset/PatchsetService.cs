using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Events;
using KernelCI.Pipeline.Services.Tarball;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Patchset;

/// <summary>Polls running patchset nodes, as upstream's patchset.py does, since a patchset must wait for its parent
/// checkout to leave running and no event announces that to it. Only nodes the pipeline API made are taken: their
/// owner is the pipeline's own Maestro account, which no other account can set on POST /node, so a patchset node any
/// Maestro user posts is never fetched from. A node whose work fails for a transient reason (storage or API briefly
/// down) stays running and is tried again next poll; one whose patches cannot be fetched fails after MaxAttempts
/// polls. Nodes are worked on MaxConcurrentNodes at a time, so one slow host holds up only its own node.</summary>
internal sealed class PatchsetService(MaestroClient maestro, PatchsetApplier applier, PatchsetOptions options, TimeProvider timeProvider,
    ILogger<PatchsetService> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, int> _failedDownloads = new();

    private string? _owner;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollPeriod, timeProvider);
        do
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                PatchsetLog.Deferred(logger, "*", e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task PollAsync(CancellationToken cancellationToken)
    {
        _owner ??= await maestro.WhoAmIAsync(cancellationToken);
        var nodes = await maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "checkout").Where("name", "patchset").Where("state", "running")
            .Where("owner", _owner), cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentNodes, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(nodes, parallel, async (node, token) => await ProcessOrDeferAsync(node, token));
        foreach (var id in _failedDownloads.Keys.Except(nodes.Select(n => n.Id!)))
        {
            _failedDownloads.TryRemove(id, out _);
        }
    }

    private async Task ProcessOrDeferAsync(MaestroNode node, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessAsync(node, cancellationToken);
            _failedDownloads.TryRemove(node.Id!, out _);
        }
        catch (PatchDownloadException e)
        {
            var failures = _failedDownloads.AddOrUpdate(node.Id!, 1, (_, n) => n + 1);
            if (failures < options.MaxAttempts)
            {
                PatchsetLog.Deferred(logger, node.Id!, e);
                return;
            }

            _failedDownloads.TryRemove(node.Id!, out _);
            await FailAsync(node, $"{e.Message} ({failures} attempts)", cancellationToken);
        }
        catch (Exception e) when (Transient.Is(e, cancellationToken))
        {
            PatchsetLog.Deferred(logger, node.Id!, e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A lasting failure (a patch URL that is gone, an unreadable tarball) ends the node rather than the service.
            await FailAsync(node, e.Message, cancellationToken);
        }
    }

    private async Task ProcessAsync(MaestroNode node, CancellationToken cancellationToken)
    {
        var parent = node.Parent is null ? null : await maestro.GetNodeAsync(node.Parent, cancellationToken);
        if (parent is not null && (parent.Owner != _owner || parent.Kind != "checkout"))
        {
            // Its tarball would be whatever another account uploaded: only checkouts the pipeline made are patched.
            await FailAsync(node, $"parent {parent.Id} is not a checkout made by the pipeline", cancellationToken);
            return;
        }

        if (parent is { State: "running" })
        {
            return;
        }

        if (parent is null || parent.Result != "pass")
        {
            await FailAsync(node, parent is null ? $"parent checkout {node.Parent} not found" : $"parent checkout {parent.Id} is {parent.Result ?? "without result"}",
                cancellationToken);
            return;
        }

        string path;
        string hash;
        try
        {
            (path, hash) = await applier.ApplyAsync(node, parent, cancellationToken);
        }
        catch (PatchRejectedException e)
        {
            await FailAsync(node, e.Message, cancellationToken);
            return;
        }

        var revision = (parent.Data["kernel_revision"] ?? node.Data["kernel_revision"])?.DeepClone() as JsonObject ?? [];
        revision["patchset"] = hash;
        await maestro.UpdateNodeAsync(CheckoutResults.Available(node, revision, applier.PublicUrl(path), timeProvider.GetUtcNow().UtcDateTime),
            cancellationToken: cancellationToken);
        PatchsetLog.Applied(logger, node.Id!, path);
    }

    private async Task FailAsync(MaestroNode node, string message, CancellationToken cancellationToken)
    {
        PatchsetLog.Failed(logger, node.Id!, message);
        await maestro.UpdateNodeAsync(CheckoutResults.Failed(node, null, message), cancellationToken: cancellationToken);
    }
}
