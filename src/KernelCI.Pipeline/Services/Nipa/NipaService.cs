using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Events;
using KernelCI.Pipeline.Services.Trigger;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Nipa;

/// <summary>Publishes the runs of NIPA-followed trees in NIPA's remote format (docs/integrations.md, "NIPA"). A
/// checkout the trigger made for a tree whose build_config branch is a NIPA branch list gets a manifest entry with
/// `url: null` when it appears; when it is done (the closing sweep marks it so only once every node below is done or
/// timed out) its results file is written and the entry gets the file's URL. A checkout that failed before building
/// anything, while the trigger will still try the commit again, leaves the entry in progress for the next attempt.
/// Once subscribed it catches up with the runs made or ended while it was away (<see cref="ResumeAsync"/>), so a
/// restart misses no run and adds no entry twice.</summary>
internal sealed class NipaService(EventLoop loop, MaestroClient maestro, PipelineConfig config, PipelineOptions pipeline,
    NipaOptions options, NipaStore store, NipaPublisher publisher, TimeProvider time, ILogger<NipaService> logger) : BackgroundService
{
    private readonly HashSet<string> _trees = [.. config.BuildConfigs.Values.Where(b => NipaBranches.IsNipa(b.Branch)).Select(b => b.Tree)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_trees.Count == 0)
        {
            return;
        }

        await loop.RunAsync("nipa", "node", false, HandleAsync, stoppingToken, ResumeAsync);
    }

    /// <summary>Catches up once subscribed: the trigger's checkouts of the NIPA trees from the manifest's age window
    /// (what happened while this service was away, or before it first ran), oldest first, then the entries still in
    /// progress, and writes the manifest once, in case the last run stopped between an entry's URL and the upload.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime - options.MaxAge;
        var checkouts = new List<MaestroNode>();
        foreach (var tree in _trees.Order(StringComparer.Ordinal))
        {
            checkouts.AddRange(await maestro.GetNodesFastAsync(new NodeFilter()
                .Where("kind", "checkout")
                .Where("data.kernel_revision.tree", tree)
                .Where("submitter", CheckoutTrigger.Submitter)
                .Where("created", "gt", since), cancellationToken));
        }

        foreach (var checkout in checkouts.OrderBy(c => c.Created))
        {
            await HandleNodeAsync(checkout, cancellationToken);
        }

        foreach (var run in await store.InProgressAsync(options.Executor, cancellationToken))
        {
            if (await maestro.GetNodeAsync(run.CheckoutId, cancellationToken) is { State: "done" } checkout)
            {
                await CompleteAsync(checkout, cancellationToken);
            }
        }

        await publisher.WriteManifestAsync(cancellationToken);
    }

    public async Task HandleAsync(MaestroEvent maestroEvent, CancellationToken cancellationToken)
    {
        if (maestroEvent.Data is not JsonObject data || data["kind"]?.ToString() != "checkout" || maestroEvent.NodeId is not { } id)
        {
            return;
        }

        if (await maestro.GetNodeAsync(id, cancellationToken) is { } checkout)
        {
            await HandleNodeAsync(checkout, cancellationToken);
        }
    }

    private async Task HandleNodeAsync(MaestroNode checkout, CancellationToken cancellationToken)
    {
        if (Branch(checkout) is null)
        {
            return;
        }

        if (checkout.State == "done")
        {
            await CompleteAsync(checkout, cancellationToken);
        }
        else
        {
            await StartAsync(checkout, cancellationToken);
        }
    }

    /// <summary>The checkout's NIPA branch, or null when it is not a run this service publishes: only the trigger's
    /// checkouts of a NIPA-followed tree are (a developer's checkout of the same tree is not one of the branch stream).</summary>
    private string? Branch(MaestroNode checkout) =>
        checkout is { Kind: "checkout", Submitter: CheckoutTrigger.Submitter }
        && checkout.Data["kernel_revision"] is JsonObject revision
        && revision["tree"]?.ToString() is { } tree && _trees.Contains(tree)
            ? revision["branch"]?.ToString()
            : null;

    private async Task<NipaRun> StartAsync(MaestroNode checkout, CancellationToken cancellationToken)
    {
        var branch = Branch(checkout)!;
        var (run, changed) = await store.StartAsync(options.Executor, branch, checkout.Id!, checkout.Created ?? DateTime.UnixEpoch, cancellationToken);
        if (changed)
        {
            await publisher.WriteManifestAsync(cancellationToken);
            NipaLog.Started(logger, branch, checkout.Id!, options.Executor);
        }

        return run;
    }

    private async Task CompleteAsync(MaestroNode checkout, CancellationToken cancellationToken)
    {
        var run = await StartAsync(checkout, cancellationToken);
        if (run.CheckoutId != checkout.Id)
        {
            NipaLog.NotPublished(logger, run.Branch, checkout.Id!, $"the entry belongs to checkout {run.CheckoutId}");
            return;
        }

        if (run.Url is not null)
        {
            // Published before (an event read again, a restart's catch-up): the file and the entry stand.
            return;
        }

        var nodes = checkout.Treeid is { } treeid
            ? [.. (await maestro.GetNodesFastAsync(new NodeFilter().Where("treeid", treeid), cancellationToken)).Where(n => n.Id != checkout.Id)]
            : new List<MaestroNode>();
        if (checkout.Result == "incomplete" && nodes.Count == 0 && await WillBeRetriedAsync(checkout, cancellationToken))
        {
            NipaLog.NotPublished(logger, run.Branch, checkout.Id!, "the checkout failed and the trigger will try the commit again");
            return;
        }

        var file = NipaResultsFile.Build(options.Executor, checkout, nodes, options, config.Platforms, pipeline.Origin);
        var url = await publisher.UploadResultsAsync(checkout.Id!, file, cancellationToken);
        if (await store.FinishAsync(options.Executor, run.Branch, checkout.Id!, url, cancellationToken))
        {
            await publisher.WriteManifestAsync(cancellationToken);
            NipaLog.Published(logger, run.Branch, checkout.Id!, url, ((JsonArray)file["results"]!).Count);
        }
    }

    /// <summary>The trigger's rule (<see cref="CheckoutTrigger.MaxIncomplete"/>): fewer incomplete checkouts of the
    /// commit than that, and the next poll makes another.</summary>
    private async Task<bool> WillBeRetriedAsync(MaestroNode checkout, CancellationToken cancellationToken) =>
        checkout.Data["kernel_revision"]?["commit"]?.ToString() is { } commit
        && await maestro.CountAsync(new NodeFilter()
            .Where("kind", "checkout")
            .Where("data.kernel_revision.commit", commit)
            .Where("submitter", CheckoutTrigger.Submitter)
            .Where("result", "incomplete"), cancellationToken) < CheckoutTrigger.MaxIncomplete;
}
