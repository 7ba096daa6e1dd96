using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava.Callback;

/// <summary>The callbacks a real LAVA 2023.01 sent (tests/KernelCI.Pipeline.Tests/Runtimes/Lava/Callbacks/README.md
/// says how each was made), their token replaced by a placeholder.</summary>
internal static class RecordedCallbacks
{
    public static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Runtimes", "Lava", "Callbacks", name + ".json")))!.AsObject();
}
