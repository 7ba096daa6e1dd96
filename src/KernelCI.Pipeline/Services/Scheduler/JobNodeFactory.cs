using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>The node the scheduler POSTs for a job (kernelci/kernelci-pipeline:src/scheduler.py; docs/pipeline/config-and-scheduler.md), and the small JSON view of it
/// that rules are evaluated against before it exists.</summary>
internal static class JobNodeFactory
{
    /// <summary>Build fields a test job takes from the kbuild it runs on.</summary>
    private static readonly string[] InheritedBuildFields = ["kernel_type", "arch", "defconfig", "config_full", "compiler"];

    /// <summary>Job params that describe a kbuild before it runs, so rules on arch/defconfig/fragments can see them.</summary>
    private static readonly string[] KbuildParams = ["arch", "defconfig", "compiler", "fragments"];

    public static MaestroNode Create(MaestroNode parent, JobConfig job, string runtime, string platform, int retryCounter,
        IReadOnlyList<string>? jobfilter, IReadOnlyList<string> platformFilter)
    {
        var data = new JsonObject
        {
            ["kernel_revision"] = parent.Data["kernel_revision"]?.DeepClone(),
            ["runtime"] = runtime,
            ["platform"] = platform,
        };
        if (job.Kind == "job")
        {
            foreach (var field in InheritedBuildFields)
            {
                if (parent.Data[field] is { } value)
                {
                    data[field] = value.DeepClone();
                }
            }
        }

        return new MaestroNode
        {
            Kind = job.Kind,
            Name = job.Name,
            Path = [.. parent.Path, job.Name],
            Group = job.Name,
            Parent = parent.Id,
            State = "running",
            Treeid = parent.Treeid,
            Submitter = parent.Submitter,
            RetryCounter = retryCounter,
            Debug = Bisection.BisectionStepMark.Carry(parent),
            Data = data,
            Jobfilter = jobfilter,
            PlatformFilter = platformFilter,
        };
    }

    /// <summary>Kind, name, path and the data that matters to rules; kernel_revision is found on the parent.</summary>
    public static JsonObject RuleView(MaestroNode parent, JobConfig job, string runtime, string platform)
    {
        var data = new JsonObject { ["runtime"] = runtime, ["platform"] = platform };
        var source = job.Kind == "job" ? InheritedBuildFields.Select(f => (f, parent.Data[f])) : KbuildParams.Select(f => (f, job.Params[f]));
        foreach (var (field, value) in source)
        {
            if (value is not null)
            {
                data[field] = value.DeepClone();
            }
        }

        return new JsonObject { ["kind"] = job.Kind, ["name"] = job.Name, ["data"] = data };
    }
}
