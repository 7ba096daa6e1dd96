using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.Pipeline.Runtimes.Results;

/// <summary>Turns a parsed boot log into the hierarchy written under a job node in one PUT, as upstream's LAVA callback does (kernelci/kernelci-pipeline:src/lava_callback.py): child `setup` with
/// `login` and `kernelmsg`, then one job per suite with its sets and cases. Children inherit the build fields,
/// platform and runtime; group = the root's name; path = the parent's path + the child's name.</summary>
internal static class ResultTree
{
    private static readonly string[] Inherited =
        ["kernel_revision", "arch", "defconfig", "config_full", "compiler", "fragments", "kernel_type", "platform", "runtime", "device"];

    public static List<ResultNode> Children(BootLog log)
    {
        var children = new List<ResultNode>();
        if (log.KernelStarted || log.PromptReached)
        {
            var setup = ResultNode.Group("setup");
            setup.Children.Add(new ResultNode("login", log.PromptReached ? "pass" : "fail"));
            if (log.KernelStarted)
            {
                setup.Children.Add(new ResultNode("kernelmsg", log.KernelErrors.Count == 0 ? "pass" : "fail"));
            }

            children.Add(setup);
        }

        children.AddRange(log.Suites);
        return children;
    }

    public static NodeTree Build(MaestroNode root, IEnumerable<ResultNode> children)
    {
        var data = new JsonObject();
        foreach (var name in Inherited)
        {
            if (root.Data[name] is { } value)
            {
                data[name] = value.DeepClone();
            }
        }

        return new NodeTree(root, children.Select(c => Child(c, root, root.Path, data)).ToList());
    }

    private static NodeTree Child(ResultNode result, MaestroNode root, IReadOnlyList<string> parentPath, JsonObject data)
    {
        var path = parentPath.Append(result.Name).ToList();
        var node = new MaestroNode
        {
            Kind = result.Kind,
            Name = result.Name,
            Path = path,
            Group = root.Name,
            State = "done",
            Result = result.Result,
            Data = data.DeepClone().AsObject(),
            Treeid = root.Treeid,
            Submitter = root.Submitter,
        };
        return new NodeTree(node, result.Children.Select(c => Child(c, root, path, data)).ToList());
    }
}
