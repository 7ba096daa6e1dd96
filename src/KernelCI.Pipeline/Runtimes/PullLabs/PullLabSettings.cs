using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes.Lava;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>A `lab_type: pull_labs` runtime entry (kernelci/kernelci-core:kernelci/config/runtime.py, RuntimePullLabs):
/// the lab's name, and the NAMES of its two secrets in the data folder's secrets.json, `runtime_token` (the lab
/// lists and claims its jobs with it) and `callback_token` (it posts its results with it), by default
/// `NAME.runtime_token` and `NAME.callback_token`, the same rule as a LAVA lab's (docs/labs.md).</summary>
internal sealed record PullLabSettings(string Name, string RuntimeTokenName, string CallbackTokenName)
{
    public const string LabType = "pull_labs";

    public static PullLabSettings Read(RuntimeConfig config) =>
        new(config.Name, LabTokenName.Of(config, "runtime_token"), LabTokenName.Of(config, "callback_token"));
}
