using KernelCI.Pipeline.Api;
using KernelCI.Pipeline.Services.Patchset;
using KernelCI.Pipeline.Services.Timeout;
using KernelCI.Pipeline.Services.Trigger;

namespace KernelCI.Pipeline;

/// <summary>Where the pipeline's services find the other components and their configuration. Bound from the
/// "Pipeline" configuration section; `serve` fills the URLs and tokens of the components it runs itself.</summary>
public sealed record PipelineOptions
{
    /// <summary>Directory of upstream-format YAML files (every *.yaml merged).</summary>
    public string? ConfigDirectory { get; init; }

    /// <summary>Maestro API base URL, e.g. http://127.0.0.1:8001/latest/.</summary>
    public string? MaestroUrl { get; init; }

    public string? MaestroToken { get; init; }

    /// <summary>Storage base URL: uploads go to {StorageUrl}upload, public downloads are {StorageUrl}{path}.</summary>
    public string? StorageUrl { get; init; }

    public string? StorageToken { get; init; }

    /// <summary>KCIDB REST base URL (POST {KcidbUrl}submit).</summary>
    public string? KcidbUrl { get; init; }

    public string? KcidbToken { get; init; }

    /// <summary>KCIDB origin of the bridge's objects; upstream's production instance uses "maestro".</summary>
    public string Origin { get; init; } = "maestro";

    /// <summary>Instance name: prefix of durable subscriber ids and of LAVA job names.</summary>
    public string Instance { get; init; } = "kernelci";

    /// <summary>The base URL LAVA labs call back (upstream's KCI_INSTANCE_CALLBACK): jobs ask for `{InstanceCallback}/node/{id}`.</summary>
    public string? InstanceCallback { get; init; }

    /// <summary>Git caches, build and boot scratch folders.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>Services run in this process; empty means all of them (see <see cref="PipelineServices"/>).</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Trees the trigger polls; empty means all. A leading '!' excludes instead (upstream's --trees).</summary>
    public string? Trees { get; init; }

    /// <summary>send-kcidb's sweep interval and batch size ("Pipeline:Bridge" in the configuration file).</summary>
    public Services.SendKcidb.BridgeOptions Bridge { get; init; } = new();

    /// <summary>Runtimes the scheduler loads; empty means all configured runtimes this process can run.</summary>
    public IReadOnlyList<string> Runtimes { get; init; } = [];

    /// <summary>The trigger's poll period, startup delay, checkout timeout and --force ("Pipeline:Trigger").</summary>
    public TriggerOptions Trigger { get; init; } = new();

    /// <summary>The period of the timeout, holdoff and closing sweeps ("Pipeline:Timeout").</summary>
    public TimeoutOptions Timeout { get; init; } = new();

    /// <summary>How the tarball service makes tarballs ("Pipeline:Tarball").</summary>
    public Services.Tarball.TarballOptions Tarball { get; init; } = new();

    /// <summary>How the shell runtime builds kernels: persistent incremental trees ("Pipeline:Kbuild").</summary>
    public Runtimes.Shell.KbuildOptions Kbuild { get; init; } = new();

    /// <summary>Which git URLs developers may ask for besides https ("Pipeline:Git").</summary>
    public Git.GitOptions Git { get; init; } = new();

    /// <summary>The patchset service's allowed patch origins, timeouts and poll period ("Pipeline:Patchset").</summary>
    public PatchsetOptions Patchset { get; init; } = new();

    /// <summary>The Patchwork projects followed and how their series are tested ("Pipeline:Patchwork", docs/integrations.md).</summary>
    public Services.Patchwork.PatchworkOptions Patchwork { get; init; } = new();

    /// <summary>How the runs of NIPA-followed trees are published for netdev's NIPA ("Pipeline:Nipa", docs/integrations.md).</summary>
    public Services.Nipa.NipaOptions Nipa { get; init; } = new();

    /// <summary>The developer-request API's body size and time limits ("Pipeline:Api").</summary>
    public ApiOptions Api { get; init; } = new();

    /// <summary>Regression nodes and their automatic bisection (docs/regressions.md).</summary>
    public Services.Regressions.RegressionsOptions Regressions { get; init; } = new();
}
