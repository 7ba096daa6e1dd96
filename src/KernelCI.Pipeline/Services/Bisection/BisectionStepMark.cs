using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.Pipeline.Services.Bisection;

/// <summary>`debug.bisection`: the regression whose automatic bisection a node belongs to, on the checkout the
/// pipeline creates for a step and on every kbuild and job the scheduler creates under it. A step's verdict is the
/// bisection's to make (it runs a bad step again itself, Pipeline:Regressions:RetryFail, and skips an incomplete one),
/// so job-retry does not retry such nodes and send-kcidb does not hold their results back for retries that never
/// come (docs/regressions.md).</summary>
internal static class BisectionStepMark
{
    public const string Key = "bisection";

    public static string? Of(MaestroNode node) => node.Debug[Key] is JsonValue value ? value.ToString() : null;

    /// <summary>The `debug` of a node created under <paramref name="parent"/>: the mark, when the parent has it.</summary>
    public static JsonObject Carry(MaestroNode parent) => Of(parent) is { } regression ? Mark(regression) : [];

    public static JsonObject Mark(string regression) => new() { [Key] = regression };
}
