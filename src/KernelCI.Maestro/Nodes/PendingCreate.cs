using System.Text.Json.Nodes;

namespace KernelCI.Maestro.Nodes;

/// <summary>A validated POST /node waiting for the group writer; its request awaits <see cref="Completion"/>.</summary>
internal sealed class PendingCreate(JsonObject node, string owner)
{
    private readonly TaskCompletionSource<JsonObject> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Normalised, without an id: the writer gives ids in write order, so id order stays creation order.</summary>
    public JsonObject Node { get; } = node;

    public string Owner { get; } = owner;

    public Task<JsonObject> Completion => _completion.Task;

    public bool IsDone => _completion.Task.IsCompleted;

    public void Succeed() => _completion.TrySetResult(Node);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
