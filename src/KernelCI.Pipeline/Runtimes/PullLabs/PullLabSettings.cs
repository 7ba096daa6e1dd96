using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes.Lava;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>A `lab_type: pull_labs` runtime entry (kernelci/kernelci-core:kernelci/config/runtime.py, RuntimePullLabs):
/// the lab's name, and the NAMES of its two secrets in the data folder's secrets.json, `runtime_token` (the lab
/// lists and claims its jobs with it) and `callback_token` (it posts its results with it), by default
/// `NAME.runtime_token` and `NAME.callback_token`, the same rule as a LAVA lab's (docs/labs.md). Ours, not
/// upstream's: `lease_s` (a claim's lease; default the job's timeout plus <see cref="LeaseMargin"/>), `max_reclaims`
/// (how many times a job whose lease ran out is handed out again, default 2) and `offline_after_s` (the lab view
/// calls the lab offline when no worker was seen for that long, default 300).</summary>
internal sealed record PullLabSettings(string Name, string RuntimeTokenName, string CallbackTokenName, TimeSpan? Lease = null,
    int MaxReclaims = 2, TimeSpan? OfflineAfter = null)
{
    public const string LabType = "pull_labs";

    /// <summary>Beyond the job's own timeout: downloading the kernel and rootfs, and posting the result.</summary>
    public static readonly TimeSpan LeaseMargin = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan DefaultOfflineAfter = TimeSpan.FromMinutes(5);

    /// <summary>A claim, plus every re-claim allowed.</summary>
    public int MaxClaims => MaxReclaims + 1;

    public TimeSpan WorkerWindow => OfflineAfter ?? DefaultOfflineAfter;

    /// <summary>The lease of a job whose document gives <paramref name="jobTimeout"/>.</summary>
    public TimeSpan LeaseFor(TimeSpan jobTimeout) => Lease ?? jobTimeout + LeaseMargin;

    public static PullLabSettings Read(RuntimeConfig config) => Read(config, []);

    /// <summary>The entry's settings, adding what is wrong to <paramref name="errors"/>, each naming `runtimes.LAB.KEY`.</summary>
    public static PullLabSettings Read(RuntimeConfig config, List<string> errors)
    {
        var s = config.Settings;
        var lease = Seconds(s["lease_s"], $"runtimes.{config.Name}.lease_s", 60, errors);
        var reclaims = Whole(s["max_reclaims"], $"runtimes.{config.Name}.max_reclaims", 0, errors) ?? 2;
        var offline = Seconds(s["offline_after_s"], $"runtimes.{config.Name}.offline_after_s", 60, errors);
        return new PullLabSettings(config.Name, LabTokenName.Of(config, "runtime_token"), LabTokenName.Of(config, "callback_token"),
            lease, reclaims, offline);
    }

    private static TimeSpan? Seconds(JsonNode? node, string key, int min, List<string> errors) =>
        Whole(node, key, min, errors) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    private static int? Whole(JsonNode? node, string key, int min, List<string> errors)
    {
        if (node?.ToString() is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return value;
        }

        errors.Add($"{key}: '{text}' is not a whole number of at least {min}");
        return null;
    }
}
