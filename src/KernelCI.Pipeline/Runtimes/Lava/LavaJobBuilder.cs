using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Pipeline.Runtimes.Lava.Definition;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>A job request as a LAVA job, as kernelci-core's base template writes it
/// (kernelci/kernelci-core:config/runtime/base/lava.jinja2): name "[instance] node name describe", public, the scaled
/// priority, the platform's context plus extra_kernel_args, timeouts (actions 10 min, queue 2 days, job 15 min beyond
/// the test's max(job_timeout, 15), 30 more for coverage builds), the callback to `<callback>/node/<id>` and the
/// node id in metadata.</summary>
internal sealed class LavaJobBuilder(LavaLabSettings lab, string instance, string? instanceCallback)
{
    /// <summary>How every job name of <paramref name="nodeId"/> starts: what a resumed submission looks for.</summary>
    public string NamePrefix(string nodeId) => $"[{instance}] {nodeId} ";

    public LavaJob Build(JobRequest request, string? treePriority)
    {
        var inputs = new LavaJobInputs(request);
        var node = request.Node;
        var testTimeout = Math.Max(inputs.JobTimeoutMinutes ?? 0, 15) + (inputs.Coverage ? 30 : 0);
        var describe = node.Data["kernel_revision"]?["describe"]?.ToString();
        var basePriority = LavaPriority.Base(node.Submitter, node.Data["priority"]?.ToString(), treePriority, request.Job.Priority);
        var actions = new List<LavaAction>(BootActions.For(inputs)) { TestActions.For(inputs, testTimeout) };
        return new LavaJob(
            $"{NamePrefix(node.Id!)}{node.Name} {describe}".TrimEnd(),
            inputs.Param("device_type") ?? request.Platform.BaseName ?? request.Platform.Name,
            "public",
            LavaPriority.Scale(basePriority, lab),
            Context(inputs),
            new LavaTimeouts(LavaTimeout.OfMinutes(10), LavaTimeout.OfMinutes(15 + testTimeout), new LavaTimeout(Days: 2),
                new Dictionary<string, LavaTimeout> { ["power-off"] = new(Seconds: 30) }),
            Notify(node.Id!),
            new Dictionary<string, string>
            {
                ["node_id"] = node.Id!,
                ["api_config_name"] = inputs.Param("api_config_name") ?? instance,
                ["storage_config_name"] = inputs.Param("storage_config_name") ?? instance,
            },
            actions);
    }

    private LavaNotify? Notify(string nodeId)
    {
        if (lab.Notify is not { } notify)
        {
            return null;
        }

        var baseUrl = notify.Url ?? instanceCallback?.TrimEnd('/')
            ?? throw new InvalidOperationException($"runtime {lab.Name} has notify but no callback URL (Pipeline:InstanceCallback)");
        return new LavaNotify(new LavaCallback(notify.ContentType, notify.Dataset, notify.Method, notify.Token, $"{baseUrl}/node/{nodeId}"),
            new LavaCriteria("finished"));
    }

    private static Dictionary<string, object>? Context(LavaJobInputs inputs)
    {
        var context = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in inputs.Request.Platform.Context)
        {
            if (value is JsonValue scalar)
            {
                context[key] = Scalar(scalar);
            }
        }

        if (inputs.Param("extra_kernel_args") is { Length: > 0 } extra)
        {
            context["extra_kernel_args"] = extra;
        }

        return context.Count == 0 ? null : context;
    }

    private static object Scalar(JsonValue value) => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        System.Text.Json.JsonValueKind.Number => long.TryParse(value.ToString(), CultureInfo.InvariantCulture, out var n) ? n
            : double.Parse(value.ToString(), CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
