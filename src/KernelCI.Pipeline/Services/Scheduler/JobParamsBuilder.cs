using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>Builds a job's request as upstream's runtime does (kernelci/kernelci-core:kernelci/runtime/__init__.py): name, node,
/// runtime, image and device_type; then platform params; then job params, which win; then the arch names; fragment
/// names resolved into `fragment_configs`; `rootfs_ref` into its URLs; ancestors' artifacts merged, nearest last.</summary>
internal sealed class JobParamsBuilder(PipelineConfig config, PipelineOptions options)
{
    public JobRequest Build(MaestroNode node, JobConfig job, PlatformConfig platform, string labType, IReadOnlyList<MaestroNode> ancestors)
    {
        var parameters = new JsonObject
        {
            ["name"] = job.Name,
            ["node"] = node.Id,
            ["instanceid"] = options.Instance,
            ["runtime"] = labType,
            ["runtime_image"] = job.Image,
            ["device_type"] = platform.BaseName ?? platform.Name,
        };
        Merge(parameters, platform.Params);
        Merge(parameters, job.Params);
        var arch = parameters["arch"]?.ToString() ?? platform.Arch;
        if (job.Kind == "kbuild" && (job.Params["arch"] is null || job.Params["defconfig"] is null))
        {
            throw new InvalidJobParamsException($"kbuild job '{job.Name}' needs params.arch and params.defconfig");
        }

        parameters["arch"] = arch;
        var (brarch, crosarch, debarch, karch) = ArchNames.For(arch);
        parameters["brarch"] = brarch;
        parameters["crosarch"] = crosarch;
        parameters["debarch"] = debarch;
        parameters["karch"] = karch;
        ResolveFragments(parameters);
        ResolveRootfs(parameters, job);
        return new JobRequest(node, job, platform, parameters, Artifacts(ancestors));
    }

    private void ResolveFragments(JsonObject parameters)
    {
        if (parameters["fragments"] is not JsonArray names)
        {
            return;
        }

        var configs = new JsonObject();
        foreach (var name in names.Select(n => n?.ToString() ?? ""))
        {
            if (config.Fragments.TryGetValue(name, out var fragment))
            {
                configs[name] = new JsonArray(fragment.Configs.Select(c => (JsonNode?)c).ToArray());
            }
            else if (name.StartsWith("CONFIG_", StringComparison.Ordinal))
            {
                configs[name] = new JsonArray(name);
            }
            else if (!ConfigReferences.IsInlineFragment(name))
            {
                throw new InvalidJobParamsException($"fragment '{name}' is not defined in fragments");
            }
        }

        parameters["fragment_configs"] = configs;
    }

    private void ResolveRootfs(JsonObject parameters, JobConfig job)
    {
        if (parameters["rootfs_ref"]?.ToString() is not { } reference)
        {
            return;
        }

        if (!config.Rootfs.TryGetValue(reference, out var rootfs))
        {
            throw new InvalidJobParamsException($"job '{job.Name}': rootfs '{reference}' is not defined in rootfs");
        }

        foreach (var (key, url) in (ReadOnlySpan<(string, string?)>)[("ramdisk", rootfs.Ramdisk), ("nfsroot", rootfs.Nfsroot),
                     ("ramdiskroot", rootfs.Ramdiskroot), ("rootfs", rootfs.Rootfs)])
        {
            if (url is not null)
            {
                parameters[key] = Placeholders(url, parameters);
            }
        }
    }

    private static string Placeholders(string url, JsonObject parameters)
    {
        foreach (var name in (string[])["brarch", "crosarch", "debarch", "karch", "arch"])
        {
            url = url.Replace("{" + name + "}", parameters[name]?.ToString(), StringComparison.Ordinal);
        }

        return url;
    }

    private static Dictionary<string, string> Artifacts(IReadOnlyList<MaestroNode> ancestors)
    {
        var artifacts = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = ancestors.Count - 1; i >= 0; i--)
        {
            foreach (var (name, url) in ancestors[i].Artifacts)
            {
                artifacts[name] = url;
            }
        }

        return artifacts;
    }

    private static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            target[key] = value?.DeepClone();
        }
    }
}
