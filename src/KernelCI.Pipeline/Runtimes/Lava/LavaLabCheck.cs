using KernelCI.Pipeline.Config;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>Everything wrong with the `lab_type: lava` runtimes a process loads, each problem one line naming
/// `runtimes.&lt;lab&gt;.&lt;key&gt;` (docs/labs.md, "Connecting a LAVA lab"). `serve` asks before any listener starts, so
/// a wrong lab stops it with those lines and exit code 2, never a host's stack trace; the scheduler's runtime factory
/// asks again for the `pipeline scheduler` command.</summary>
internal static class LavaLabCheck
{
    /// <summary>Throws <see cref="OptionsValidationException"/> listing every problem of every loaded lava runtime.</summary>
    public static void ThrowIfInvalid(PipelineConfig config, PipelineOptions options, LavaSecrets secrets)
    {
        var errors = new List<string>();
        foreach (var runtime in config.Runtimes.Values.Where(r => r.LabType == "lava" && (options.Runtimes.Count == 0 || options.Runtimes.Contains(r.Name))))
        {
            Read(runtime, config, options, secrets, errors);
        }

        Throw(errors);
    }

    /// <summary>The runtime's settings and its submission token (null for a lab without url), adding what is wrong to
    /// <paramref name="errors"/>.</summary>
    public static (LavaLabSettings Lab, string? Token) Read(RuntimeConfig runtime, PipelineConfig config, PipelineOptions options, LavaSecrets secrets,
        List<string> errors)
    {
        var lab = LavaLabSettings.Read(runtime, errors);
        string? token = null;
        if (runtime.Settings["url"]?.ToString() is not { Length: > 0 } && Scheduled(runtime, config) is { } job)
        {
            // Upstream uploads a url-less lab's YAML for it to pull; here a firewalled lab is a pull_labs runtime.
            errors.Add($"runtimes.{runtime.Name}.url: must be set, as scheduler job '{job}' runs on it (a lab that pulls its jobs is lab_type pull_labs)");
        }

        if (lab.Url is not null && (token = secrets.Find(lab.RuntimeTokenName)) is null)
        {
            errors.Add($"runtimes.{runtime.Name}.runtime_token: no secret '{lab.RuntimeTokenName}' in the data folder's secrets.json");
        }

        if (lab.Notify is not null && lab.Notify.Url is null && options.InstanceCallback is null)
        {
            errors.Add($"runtimes.{runtime.Name}.notify: Pipeline:InstanceCallback (or notify.callback.url) must give the callback URL");
        }

        return (lab, token);
    }

    public static void Throw(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new OptionsValidationException("Pipeline", typeof(PipelineConfig), errors);
        }
    }

    private static string? Scheduled(RuntimeConfig runtime, PipelineConfig config) =>
        config.Scheduler.FirstOrDefault(e => e.RuntimeName == runtime.Name || (e.RuntimeName is null && e.RuntimeType == runtime.LabType))?.Job;
}
