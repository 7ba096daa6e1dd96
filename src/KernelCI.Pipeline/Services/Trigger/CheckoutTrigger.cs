using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Git;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Trigger;

/// <summary>One poll of every selected build_config (kernelci/kernelci-pipeline:src/trigger.py): the branch head by ls-remote, the
/// frequency window, the already-checked-out test, then the checkout node.</summary>
internal sealed class CheckoutTrigger(PipelineConfig config, PipelineOptions pipelineOptions, TriggerOptions options,
    MaestroClient maestro, GitRunner git, GitUrlPolicy urls, NipaBranches nipa, TimeProvider timeProvider, ILogger<CheckoutTrigger> logger)
{
    public const string Submitter = "service:pipeline";

    /// <summary>Incomplete checkouts of one commit after which it is not tried again (upstream trigger.py).</summary>
    public const int MaxIncomplete = 3;

    /// <summary>Returns the checkout nodes created in this poll.</summary>
    public async Task<IReadOnlyList<MaestroNode>> PollAsync(CancellationToken cancellationToken)
    {
        var selection = new TreeSelection(pipelineOptions.Trees);
        var created = new List<MaestroNode>();
        foreach (var buildConfig in config.BuildConfigs.Values.OrderBy(b => b.Name, StringComparer.Ordinal))
        {
            if (!selection.Includes(buildConfig.Tree) || !config.Trees.TryGetValue(buildConfig.Tree, out var tree))
            {
                continue;
            }

            try
            {
                if (await PollOneAsync(buildConfig, tree, cancellationToken) is { } node)
                {
                    created.Add(node);
                }
            }
            catch (NipaBranchListException e)
            {
                Services.Nipa.NipaLog.BadBranchList(logger, buildConfig.Name, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One unreachable tree must not stop the others.
                TriggerLog.Failed(logger, buildConfig.Name, e);
            }
        }

        return created;
    }

    private async Task<MaestroNode?> PollOneAsync(BuildConfig buildConfig, TreeConfig tree, CancellationToken cancellationToken)
    {
        if (NipaBranches.IsNipa(buildConfig.Branch))
        {
            buildConfig = buildConfig with { Branch = await nipa.NewestAsync(buildConfig.Branch, cancellationToken) };
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (!options.Force && buildConfig.Frequency is { } frequency && await InsideWindowAsync(tree, buildConfig, now - frequency, cancellationToken))
        {
            TriggerLog.Skipped(logger, buildConfig.Name, $"a checkout was created less than {frequency} ago");
            return null;
        }

        var commit = await HeadAsync(tree.Url, buildConfig.Branch, cancellationToken);
        if (commit is null)
        {
            TriggerLog.Skipped(logger, buildConfig.Name, $"branch {buildConfig.Branch} not found at {tree.Url}");
            return null;
        }

        if (!options.Force && await AlreadyCheckedOutAsync(commit, cancellationToken) is { } reason)
        {
            TriggerLog.Skipped(logger, buildConfig.Name, reason);
            return null;
        }

        var node = await maestro.CreateNodeAsync(Checkout(tree, buildConfig, commit, now), cancellationToken);
        TriggerLog.Created(logger, buildConfig.Name, node.Id, commit);
        return node;
    }

    /// <summary>`git ls-remote URL refs/heads/BRANCH`: the head commit, or null when the branch does not exist. The
    /// URL is a configured tree's, so its own transport (`file` for a local tree) is allowed.</summary>
    public async Task<string?> HeadAsync(string url, string branch, CancellationToken cancellationToken)
    {
        var reference = "refs/heads/" + branch;
        var output = await git.WithProtocols(urls.ProtocolsFor(url)).RunAsync(null, ["ls-remote", "--", url, reference], cancellationToken);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2 && parts[1].Trim() == reference)
            {
                return parts[0].Trim();
            }
        }

        return null;
    }

    private async Task<bool> InsideWindowAsync(TreeConfig tree, BuildConfig buildConfig, DateTime since, CancellationToken cancellationToken) =>
        await maestro.CountAsync(new NodeFilter()
            .Where("kind", "checkout")
            .Where("data.kernel_revision.tree", tree.Name)
            .Where("data.kernel_revision.branch", buildConfig.Branch)
            .Where("submitter", Submitter)
            .Where("created", "gt", since), cancellationToken) > 0;

    private async Task<string?> AlreadyCheckedOutAsync(string commit, CancellationToken cancellationToken)
    {
        NodeFilter Filter() => new NodeFilter()
            .Where("kind", "checkout")
            .Where("data.kernel_revision.commit", commit)
            .Where("submitter", Submitter);
        var existing = await maestro.CountAsync(Filter(), cancellationToken);
        if (existing == 0)
        {
            return null;
        }

        var incomplete = await maestro.CountAsync(Filter().Where("result", "incomplete"), cancellationToken);
        if (incomplete >= MaxIncomplete)
        {
            return $"{commit} gave {incomplete} incomplete checkouts, giving up";
        }

        // Only incomplete attempts so far: try again, as upstream does.
        return existing > incomplete ? $"{commit} is already checked out" : null;
    }

    private MaestroNode Checkout(TreeConfig tree, BuildConfig buildConfig, string commit, DateTime now)
    {
        var data = new JsonObject
        {
            ["kernel_revision"] = new JsonObject
            {
                ["tree"] = tree.Name,
                ["url"] = tree.Url,
                ["branch"] = buildConfig.Branch,
                ["commit"] = commit,
            },
        };
        if (buildConfig.Architectures is { Count: > 0 } architectures)
        {
            data["architecture_filter"] = new JsonArray([.. architectures.Select(a => (JsonNode?)JsonValue.Create(a))]);
        }

        var seed = tree.Url + buildConfig.Branch + now.ToString("O", CultureInfo.InvariantCulture);
        return new MaestroNode
        {
            Kind = "checkout",
            Name = "checkout",
            Path = ["checkout"],
            State = "running",
            Data = data,
            Timeout = now + options.CheckoutTimeout,
            Treeid = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed))),
            Submitter = Submitter,
        };
    }
}
