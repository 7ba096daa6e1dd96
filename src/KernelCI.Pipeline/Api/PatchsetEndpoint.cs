using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KernelCI.Client.Maestro;
using KernelCI.Client.Storage;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Services.Patchset;
using Microsoft.AspNetCore.Http;
using KernelCI.Pipeline.Git;
using Microsoft.AspNetCore.Mvc;

namespace KernelCI.Pipeline.Api;

/// <summary>POST /api/patchset: patches to apply on a checkout (kci-dev patchset). The patchset service applies them
/// later; this only checks, stores inline patches and creates the running `patchset` node.</summary>
internal static partial class PatchsetEndpoint
{
    public const int MaxPatches = 32;

    public const int MaxPatchBytes = 10 * 1024 * 1024;

    public const int MaxUrlLength = 2048;

    public static async Task<IResult> HandleAsync(HttpContext http, ApiUser user, [FromServices] PipelineConfig config,
        [FromServices] MaestroClient maestro, [FromServices] GitUrlPolicy policy, [FromServices] TimeProvider time,
        [FromServices] PipelineOptions options, [FromServices] StorageClient storage, [FromServices] PublicUrls publicUrls)
    {
        var body = await ApiInput.ReadAsync(http.Request, http.RequestAborted);
        var now = time.GetUtcNow().UtcDateTime;
        BuildCoverage.RequireConfigured(config, "patchset");

        var nodeId = ApiInput.RequiredNodeId(body, "nodeid");
        var patches = ApiInput.StringList(body, "patch");
        var patchUrls = ApiInput.StringList(body, "patchurl");
        if ((patches.Count == 0) == (patchUrls.Count == 0))
        {
            throw ApiException.BadRequest("patch, patchurl: give either inline patches or patch URLs (one of them, not both)");
        }

        CheckPatches(patches.Count > 0 ? "patch" : "patchurl", patches.Count > 0 ? patches : patchUrls);
        CheckPatchUrls(options, patchUrls);

        var jobfilter = ApiInput.JobFilter(body, config);
        var platformfilter = ApiInput.PlatformFilter(body, config);
        var checkout = await ApiInput.NodeAsync(maestro, "nodeid", nodeId, http.RequestAborted);
        if (checkout.Kind != "checkout")
        {
            throw ApiException.BadRequest($"nodeid: node {nodeId} is a {checkout.Kind}, not a checkout");
        }

        RevisionCheck.Node(policy, nodeId, checkout.Data["kernel_revision"] as JsonObject ?? []);
        var revision = checkout.Data["kernel_revision"] as JsonObject ?? [];
        BuildCoverage.Require(config, "patchset", [.. checkout.Path, "patchset"], revision["tree"]?.ToString() ?? "",
            revision["branch"]?.ToString() ?? "", jobfilter, "nodeid");

        var urls = patchUrls.Count > 0 ? patchUrls
            : await StoreAsync(storage, publicUrls, user.Email, patches, now, http.RequestAborted);
        var artifacts = urls.Select((u, i) => (Name: "patch" + i.ToString(CultureInfo.InvariantCulture), Url: u))
            .ToDictionary(p => p.Name, p => p.Url);
        var node = new MaestroNode
        {
            Kind = "checkout",
            Name = "patchset",
            Path = [.. checkout.Path, "patchset"],
            Parent = checkout.Id,
            State = "running",
            Artifacts = artifacts,
            Data = new JsonObject { ["kernel_revision"] = checkout.Data["kernel_revision"]?.DeepClone() },
            Timeout = now.AddMinutes(300),
            Submitter = "user:" + user.Email,
            // A tree of its own, so that watching the patchset does not see the plain checkout's builds.
            Treeid = ApiInput.NewTreeId(),
            Jobfilter = jobfilter.Count > 0 ? jobfilter : null,
            PlatformFilter = platformfilter,
        };
        var created = await maestro.CreateNodeAsync(node, http.RequestAborted);
        return ApiReply.Node("OK", created);
    }

    private static void CheckPatches(string field, IReadOnlyList<string> items)
    {
        if (items.Count > MaxPatches)
        {
            throw ApiException.BadRequest($"{field}: at most {MaxPatches} patches, got {items.Count}");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Length == 0)
            {
                throw ApiException.BadRequest($"{field}[{i}]: is empty");
            }

            if (field == "patch" && Encoding.UTF8.GetByteCount(items[i]) > MaxPatchBytes)
            {
                throw ApiException.BadRequest($"{field}[{i}]: larger than {MaxPatchBytes / 1024 / 1024} MiB");
            }

            if (items[i].Contains('\0', StringComparison.Ordinal))
            {
                throw ApiException.BadRequest($"{field}[{i}]: contains a NUL byte");
            }
        }
    }

    /// <summary>Refused here already what the patchset service would refuse: a URL that is not http(s) or not on the
    /// storage origin or an allowed one (Pipeline:Patchset:AllowedOrigins).</summary>
    private static void CheckPatchUrls(PipelineOptions options, IReadOnlyList<string> urls)
    {
        var origins = new PatchOrigins(options.StorageUrl, options.Patchset.AllowedOrigins);
        for (var i = 0; i < urls.Count; i++)
        {
            if (urls[i].Length > MaxUrlLength)
            {
                throw ApiException.BadRequest($"patchurl[{i}]: longer than {MaxUrlLength} characters");
            }

            if (!Uri.TryCreate(urls[i], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw ApiException.BadRequest($"patchurl[{i}]: '{ApiInput.Shorten(urls[i])}' is not an http(s) URL");
            }

            if (!origins.Allows(uri))
            {
                throw ApiException.BadRequest($"patchurl[{i}]: '{uri.Scheme}://{uri.Authority}' is not the storage origin nor an allowed origin");
            }
        }
    }

    /// <summary>Inline patches go to storage under `patchset/&lt;user&gt;/`, and the node points at their public URLs as
    /// it would at URL patches.</summary>
    private static async Task<IReadOnlyList<string>> StoreAsync(StorageClient storage, PublicUrls urls, string email,
        IReadOnlyList<string> patches, DateTime now, CancellationToken cancellationToken)
    {
        var folder = $"patchset/{Unsafe().Replace(email, "_")}/{now:yyyyMMddHHmmss}-{ApiInput.NewTreeId()[..8]}";
        var stored = new List<string>();
        for (var i = 0; i < patches.Count; i++)
        {
            var name = $"patch{i}.patch";
            var bytes = Encoding.UTF8.GetBytes(patches[i]);
            await storage.UploadAsync(folder, name, () => new MemoryStream(bytes), cancellationToken);
            stored.Add(urls.For($"{folder}/{name}"));
        }

        return stored;
    }

    [GeneratedRegex("[^a-zA-Z0-9@._-]")]
    private static partial Regex Unsafe();
}
