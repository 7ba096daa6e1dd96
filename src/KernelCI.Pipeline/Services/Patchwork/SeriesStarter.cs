using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KernelCI.Client.Maestro;
using KernelCI.Client.Storage;
using KernelCI.Pipeline.Services.Patchset;

namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>Starts one taken series: selects it (delegates, states, subject), fetches and checks its mbox, applies it
/// with `git am`, then hands it to the patchset flow (docs/pipeline/services.md, patchset): its patches go to storage
/// and a `patchset` node under a checkout of the base commit, owned by the pipeline, so the patchset service applies
/// them on the base's tarball and the scheduler builds the result. Returns the row as it now is, with the checks to post.</summary>
internal sealed class SeriesStarter(MaestroClient maestro, StorageClient storage, PublicUrls urls, SeriesApplier applier,
    PatchworkOptions options, TimeProvider time)
{
    /// <summary>The base checkout's job filter: names no job, so only the series is built, not its base as well.</summary>
    public const string BaseOnlyFilter = "patchwork-base";

    public const string Submitter = "service:patchwork";

    private string? _owner;

    public async Task<(SeriesRow Row, IReadOnlyList<PendingCheck> Checks)> StartAsync(PatchworkClient client, PatchworkProject project, SeriesRow row,
        CancellationToken cancellationToken)
    {
        var series = await client.SeriesAsync(row.SeriesId, cancellationToken);
        var patchIds = (series["patches"] as JsonArray ?? []).OfType<JsonObject>().Select(p => p["id"]!.GetValue<long>()).ToList();
        row = row with { Patches = patchIds };
        if (row.Run == 1 && await NotSelectedAsync(client, project, series, cancellationToken) is { } reason)
        {
            return (row with { Status = "skipped", Message = reason }, []);
        }

        try
        {
            return await TestAsync(client, project, series, row, cancellationToken);
        }
        catch (SeriesRefusedException e)
        {
            var check = SeriesChecks.OneLine(e.Message);
            return (row with { Status = "refused", Message = check },
                [.. patchIds.Select(id => new PendingCheck(id, row.Run, $"{options.ContextPrefix}-apply", "fail", null, check))]);
        }
        catch (MboxTooLargeException e)
        {
            return (row with { Status = "refused", Message = e.Message },
                [.. patchIds.Select(id => new PendingCheck(id, row.Run, $"{options.ContextPrefix}-apply", "fail", null, e.Message))]);
        }
    }

    private async Task<(SeriesRow, IReadOnlyList<PendingCheck>)> TestAsync(PatchworkClient client, PatchworkProject project, JsonObject series,
        SeriesRow row, CancellationToken cancellationToken)
    {
        if (row.Patches.Count == 0)
        {
            throw new SeriesRefusedException("the series has no patches");
        }

        if (row.Patches.Count > options.MaxPatches)
        {
            throw new SeriesRefusedException($"the series has {row.Patches.Count} patches, more than the limit of {options.MaxPatches}");
        }

        var mbox = await client.MboxAsync(series["mbox"]?.ToString() ?? throw new SeriesRefusedException("the series has no mbox"), cancellationToken);
        var patches = SeriesMbox.Split(mbox, row.Patches.Count);
        var baseCommit = SeriesMbox.BaseCommit(Encoding.UTF8.GetString(mbox));
        if (baseCommit is null && series["cover_letter"] is JsonObject cover && cover["mbox"]?.ToString() is { } coverMbox)
        {
            baseCommit = SeriesMbox.BaseCommit(Encoding.UTF8.GetString(await client.MboxAsync(coverMbox, cancellationToken)));
        }

        var commit = await applier.BaseAsync(project, baseCommit, cancellationToken);
        await applier.ApplyAsync(project, commit, patches, $"{Safe(project.Project)}-{row.SeriesId}-{row.Run}", cancellationToken);

        var key = Key(project, row);
        _owner ??= await maestro.WhoAmIAsync(cancellationToken);
        var node = (await maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "checkout").Where("name", "patchset")
            .Where("data.patchwork.key", key), cancellationToken)).FirstOrDefault(n => n.Owner == _owner);
        if (node is null)
        {
            var parent = await BaseCheckoutAsync(project, commit, cancellationToken);
            var patchUrls = await UploadAsync(project, row, patches, cancellationToken);
            node = await maestro.CreateNodeAsync(Patchset(parent, patchUrls, key, row, series), cancellationToken);
        }

        var target = TargetUrl(project, commit, PatchsetApplier.Hash(patches.Select(p => p.Mail)));
        var pending = row.Patches.Select(id => new PendingCheck(id, row.Run, $"{options.ContextPrefix}-build", "pending", target,
            $"testing {patches.Count} patches on {commit[..12]}")).ToList();
        return (row with { Status = "testing", NodeId = node.Id, Message = target }, pending);
    }

    /// <summary>The dashboard page of the series' checkout: its tree, branch and base commit, narrowed to this
    /// patchset's hash (docs/integrations.md, "The series' page").</summary>
    public string? TargetUrl(PatchworkProject project, string commit, string hash) => options.DashboardUrl is { } dashboard
        ? $"{dashboard.TrimEnd('/')}/tree/{Uri.EscapeDataString(project.Tree)}/{Uri.EscapeDataString(project.Branch)}/{commit}?patchset={hash}"
        : null;

    public static string Key(PatchworkProject project, SeriesRow row) =>
        string.Create(CultureInfo.InvariantCulture, $"{Safe(project.Url)}-{Safe(project.Project)}-{row.SeriesId}-{row.Run}");

    private async Task<string?> NotSelectedAsync(PatchworkClient client, PatchworkProject project, JsonObject series, CancellationToken cancellationToken)
    {
        var name = series["name"]?.ToString() ?? "";
        var cover = (series["cover_letter"] as JsonObject)?["name"]?.ToString();
        if (project.SubjectMatch is { Length: > 0 } pattern)
        {
            var regex = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            if (!regex.IsMatch(name) && (cover is null || !regex.IsMatch(cover)))
            {
                return $"subject '{name}' does not match '{pattern}'";
            }
        }

        if (project.States.Count == 0 && project.Delegates.Count == 0)
        {
            return null;
        }

        var patches = await client.PatchesOfSeriesAsync(series["id"]!.GetValue<long>(), cancellationToken);
        if (project.States.Count > 0 && patches.FirstOrDefault(p => !project.States.Contains(p["state"]?.ToString() ?? "")) is { } other)
        {
            return $"patch {other["id"]} is in state '{other["state"]}', not {string.Join("/", project.States)}";
        }

        if (project.Delegates.Count > 0
            && !patches.Any(p => (p["delegate"] as JsonObject)?["username"]?.ToString() is { } user && project.Delegates.Contains(user)))
        {
            return $"no patch is delegated to {string.Join("/", project.Delegates)}";
        }

        return null;
    }

    /// <summary>A checkout of <paramref name="commit"/> the pipeline made (the trigger's, or one made for an earlier
    /// series), else a new one that builds nothing itself (<see cref="BaseOnlyFilter"/>).</summary>
    private async Task<MaestroNode> BaseCheckoutAsync(PatchworkProject project, string commit, CancellationToken cancellationToken)
    {
        var tree = applier.TreeOf(project);
        var existing = await maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "checkout").Where("name", "checkout")
            .Where("data.kernel_revision.commit", commit).Where("data.kernel_revision.tree", tree.Name).Where("owner", _owner), cancellationToken);
        if (existing.FirstOrDefault(n => n.Result is null or "pass" && n.Data["kernel_revision"]?["url"]?.ToString() == tree.Url) is { } found)
        {
            return found;
        }

        var now = time.GetUtcNow().UtcDateTime;
        return await maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "checkout",
            Name = "checkout",
            Path = ["checkout"],
            State = "running",
            Data = new JsonObject
            {
                ["kernel_revision"] = new JsonObject { ["tree"] = tree.Name, ["url"] = tree.Url, ["branch"] = project.Branch, ["commit"] = commit },
            },
            Timeout = now.AddHours(3),
            Submitter = Submitter,
            Treeid = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
            Jobfilter = [BaseOnlyFilter],
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> UploadAsync(PatchworkProject project, SeriesRow row, IReadOnlyList<MboxPatch> patches,
        CancellationToken cancellationToken)
    {
        var folder = $"patchwork/{Safe(project.Project)}/{row.SeriesId}-{row.Run}";
        var stored = new List<string>();
        foreach (var patch in patches)
        {
            var name = $"patch{patch.Number - 1}.patch";
            await storage.UploadAsync(folder, name, () => new MemoryStream(patch.Mail), cancellationToken);
            stored.Add(urls.For($"{folder}/{name}"));
        }

        return stored;
    }

    private MaestroNode Patchset(MaestroNode parent, IReadOnlyList<string> patchUrls, string key, SeriesRow row, JsonObject series) => new()
    {
        Kind = "checkout",
        Name = "patchset",
        Path = [.. parent.Path, "patchset"],
        Parent = parent.Id,
        State = "running",
        Artifacts = patchUrls.Select((u, i) => (u, i)).ToDictionary(p => "patch" + p.i.ToString(CultureInfo.InvariantCulture), p => p.u),
        Data = new JsonObject
        {
            ["kernel_revision"] = parent.Data["kernel_revision"]?.DeepClone(),
            ["patchwork"] = new JsonObject
            {
                ["key"] = key,
                ["series"] = row.SeriesId,
                ["run"] = row.Run,
                ["url"] = series["web_url"]?.ToString(),
                ["name"] = series["name"]?.ToString(),
            },
        },
        Timeout = time.GetUtcNow().UtcDateTime.AddMinutes(300),
        Submitter = Submitter,
        Treeid = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
    };

    private static string Safe(string text) => Regex.Replace(text, "[^a-zA-Z0-9._-]", "_");
}
