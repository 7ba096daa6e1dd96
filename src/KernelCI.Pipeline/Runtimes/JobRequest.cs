using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Runtimes;

/// <summary>A job to run: its freshly created node, its configuration, the platform it runs on, the parameters built
/// as upstream's scheduler builds them (platform params, then job params, then arch names; kernelci/kernelci-core:kernelci/runtime/__init__.py)
/// and the artifacts inherited from its ancestors (kernel, modules, tarball, …).</summary>
public sealed record JobRequest(MaestroNode Node, JobConfig Job, PlatformConfig Platform, JsonObject Params,
    IReadOnlyDictionary<string, string> Artifacts)
{
    /// <summary>Rebuilt at start for a node created before a stop and not known to be submitted: the lab may have
    /// accepted it just before the stop, so a runtime that can ask (LAVA) looks for it before submitting again.</summary>
    public bool Resumed { get; init; }
}
