using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes.Lava;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>Everything wrong with the `lab_type: pull_labs` runtimes (their lease, re-claim and offline settings),
/// one line each naming `runtimes.&lt;lab&gt;.&lt;key&gt;`: `serve` asks before any listener starts, as for LAVA labs
/// (<see cref="LavaLabCheck"/>), so a wrong entry exits 2 with those lines.</summary>
internal static class PullLabCheck
{
    public static void ThrowIfInvalid(PipelineConfig config)
    {
        var errors = new List<string>();
        foreach (var runtime in config.Runtimes.Values.Where(r => r.LabType == PullLabSettings.LabType))
        {
            PullLabSettings.Read(runtime, errors);
        }

        LavaLabCheck.Throw(errors);
    }
}
