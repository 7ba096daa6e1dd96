using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>The secret a lab's `runtime_token` or `callback_token` names: the entry's value, else `LAB.KEY` (docs/labs.md).
/// One rule for the runtime that submits with it and the callback that checks it.</summary>
internal static class LabTokenName
{
    public static string Default(string lab, string key) => $"{lab}.{key}";

    public static string Of(RuntimeConfig lab, string key) =>
        lab.Settings[key]?.ToString() is { Length: > 0 } name ? name : Default(lab.Name, key);
}
