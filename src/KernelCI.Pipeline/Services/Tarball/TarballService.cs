using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Events;
using KernelCI.Pipeline.Git;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Tarball;

/// <summary>Turns each new running checkout into a source tarball and an available/pass checkout (kernelci/kernelci-pipeline:src/tarball.py). Patchset
/// nodes are checkout-kind too but belong to the patchset service.</summary>
internal sealed class TarballService(EventLoop loop, MaestroClient maestro, GitCache cache, RevisionReader reader, SourceTarball tarball,
    PublicUrls urls, TimeProvider timeProvider, ILogger<TarballService> logger) : BackgroundService
{

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        loop.RunAsync("tarball", "node", false, HandleAsync, stoppingToken);

    internal async Task HandleAsync(MaestroEvent maestroEvent, CancellationToken cancellationToken)
    {
        if (maestroEvent.Data is not JsonObject data || maestroEvent.Op != "created" || data["kind"]?.ToString() != "checkout"
            || data["state"]?.ToString() != "running" || data["name"]?.ToString() == "patchset" || maestroEvent.NodeId is not { } id)
        {
            return;
        }

        // The event may be replayed after a restart: only a checkout still running is ours to do.
        if (await maestro.GetNodeAsync(id, cancellationToken) is not { State: "running" } node)
        {
            return;
        }

        await ProcessAsync(node, cancellationToken);
    }

    private async Task ProcessAsync(MaestroNode node, CancellationToken cancellationToken)
    {
        var revision = node.Data["kernel_revision"] as JsonObject;
        var tree = revision?["tree"]?.ToString();
        var url = revision?["url"]?.ToString();
        var branch = revision?["branch"]?.ToString();
        var commit = revision?["commit"]?.ToString();
        if (revision is null || tree is null || url is null || branch is null || commit is null)
        {
            const string missing = "data.kernel_revision needs tree, url, branch and commit";
            await FailAsync(node, "git_checkout_failure", missing, missing, cancellationToken);
            return;
        }

        var started = timeProvider.GetTimestamp();
        var queued = node.Created is { } created ? (long)(timeProvider.GetUtcNow().UtcDateTime - created).TotalMilliseconds : 0;
        string repository;
        try
        {
            repository = await cache.PrepareAsync(tree, url, branch, commit, cancellationToken);
        }
        catch (GitCheckoutException e)
        {
            await FailAsync(node, "git_checkout_failure", e.Message, e.Detail, cancellationToken);
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or UnsafePathException)
        {
            await FailAsync(node, "git_checkout_failure", "the git cache could not be prepared", e.Message, cancellationToken);
            return;
        }

        var fetched = timeProvider.GetTimestamp();
        JsonObject full;
        try
        {
            full = await reader.ReadAsync(repository, revision, tree, branch, commit, cancellationToken);
        }
        catch (GitException e)
        {
            await FailAsync(node, "git_commit_error", $"cannot read the describe, tags or Makefile of commit {commit}", e.Message,
                cancellationToken);
            return;
        }

        var described = timeProvider.GetTimestamp();
        var name = $"linux-{tree}-{branch}-{full["describe"]}".Replace('/', '_');
        if (!SafePaths.IsSegment(name + ".tar.gz"))
        {
            // A long branch or tag name (git allows hundreds of characters) cannot name one file.
            await FailAsync(node, "git_commit_error", "the tree, branch and git describe make too long a tarball name", name, cancellationToken);
            return;
        }

        var path = await tarball.UploadAsync(repository, full["commit"]!.ToString(), name, cancellationToken);
        await maestro.UpdateNodeAsync(CheckoutResults.Available(node, full, urls.For(path), timeProvider.GetUtcNow().UtcDateTime),
            cancellationToken: cancellationToken);
        TarballLog.Uploaded(logger, node.Id!, path, queued, Milliseconds(started, fetched), Milliseconds(fetched, described),
            Milliseconds(described, timeProvider.GetTimestamp()));
    }

    private long Milliseconds(long from, long to) => (long)timeProvider.GetElapsedTime(from, to).TotalMilliseconds;

    /// <summary>The node gets the short public <paramref name="message"/>; git's stderr and the cache's paths
    /// (<paramref name="detail"/>) go to the log only.</summary>
    private async Task FailAsync(MaestroNode node, string errorCode, string message, string detail, CancellationToken cancellationToken)
    {
        TarballLog.Failed(logger, node.Id!, errorCode, detail);
        await maestro.UpdateNodeAsync(CheckoutResults.Failed(node, errorCode, message), cancellationToken: cancellationToken);
    }
}
