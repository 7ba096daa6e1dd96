using KernelCI.Client.Watching;
using Spectre.Console;

namespace KernelCI.KciDev.Watch;

/// <summary>One node as upstream's watch prints it (kernelci/kci-dev:kcidev/libs/maestro_common.py
/// `maestro_node_result`): `PASS kbuild: NAME - node_id:ID (UPDATED)`, `PASS branch checkout - …`.</summary>
internal static class NodeLine
{
    public static string Verdict(WatchedNode node) => node.Status switch
    {
        NodeStatus.Running => "running",
        _ when node.Kind == "checkout" => node.Status == NodeStatus.Done ? "PASS" : "FAIL",
        _ => node.Result switch
        {
            "pass" => "PASS",
            "fail" => "FAIL",
            null => node.State,
            var other => other,
        },
    };

    public static Color Colour(WatchedNode node) => Verdict(node) switch
    {
        "PASS" => Color.Green,
        "FAIL" => Color.Red,
        "running" => Color.Default,
        _ => Color.Yellow,
    };

    public static string Text(WatchedNode node) =>
        (node.Kind == "checkout" ? $"{Verdict(node)} branch {node.Name}" : $"{Verdict(node)} {node.Kind}: {node.Name}")
        + $" - node_id:{node.Id}" + (node.Updated is { } updated ? $" ({updated:yyyy-MM-dd'T'HH:mm:ss.ffffff})" : "");

    public static void Write(IAnsiConsole console, WatchedNode node) =>
        console.MarkupLine($"[{Colour(node).ToMarkup()}]{Markup.Escape(Text(node))}[/]");
}
