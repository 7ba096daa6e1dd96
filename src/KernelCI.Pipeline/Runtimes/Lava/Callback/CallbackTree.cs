using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>The one `PUT /nodes/{id}` body of a callback, as upstream's APIHelper.submit_results builds it
/// (kernelci/kernelci-core:kernelci/api/helper.py): the job node done with the outcome's result, the device, the
/// artifacts, `processed_by_kcidb_bridge` false and a stale `node_timeout` cleared; each child done, inheriting the
/// build fields, platform and runtime, with group = the job's name and path = its parent's path + its name.</summary>
internal static class CallbackTree
{
    private static readonly string[] Inherited =
        ["kernel_revision", "kernel_type", "arch", "defconfig", "config_full", "compiler", "fragments", "platform", "runtime"];

    public static NodeTree Build(MaestroNode job, CallbackOutcome outcome, string? device, IReadOnlyDictionary<string, string> artifacts)
    {
        var data = job.Data.DeepClone().AsObject();
        // LAVA's error stays on a boot turned from incomplete into fail; a timeout the timeout service wrote goes.
        if (outcome.ErrorCode is not null || data["error_code"]?.ToString() == "node_timeout")
        {
            data["error_code"] = outcome.ErrorCode;
            data["error_msg"] = outcome.ErrorMessage;
        }

        if (device is { Length: > 0 })
        {
            data["device"] = device;
        }

        var merged = new Dictionary<string, string>(job.Artifacts);
        foreach (var (name, url) in artifacts)
        {
            merged[name] = url;
        }

        var root = job with
        {
            State = "done",
            Result = outcome.Result,
            Data = data,
            Artifacts = merged,
            ProcessedByKcidbBridge = false,
        };
        var inherited = new JsonObject();
        foreach (var name in Inherited)
        {
            if (job.Data[name] is { } value)
            {
                inherited[name] = value.DeepClone();
            }
        }

        return new NodeTree(root, outcome.Children.Select(c => Child(c, root, root.Path, inherited)).ToList());
    }

    private static NodeTree Child(CallbackNode result, MaestroNode root, IReadOnlyList<string> parentPath, JsonObject data)
    {
        var path = new List<string>(parentPath.Count + 1);
        path.AddRange(parentPath);
        path.Add(result.Name);
        var node = new MaestroNode
        {
            Kind = result.Kind,
            Name = result.Name,
            Path = path,
            Group = root.Name,
            State = "done",
            Result = result.Result ?? "skip",
            Data = data.DeepClone().AsObject(),
            Treeid = root.Treeid,
            Submitter = root.Submitter,
        };
        return new NodeTree(node, result.Children.Select(c => Child(c, root, path, data)).ToList());
    }
}
