using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Config;

/// <summary>A runtime: lab_type (shell, qemu, lava, kubernetes, docker, pull_labs, …), rules, and every other key of
/// the entry (url, notify, context, …) in <see cref="Settings"/> for the runtime to read.</summary>
public sealed record RuntimeConfig(string Name, string LabType, Rules Rules, JsonObject Settings);
