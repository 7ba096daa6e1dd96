using System.Text.Json.Nodes;

namespace KernelCI.Maestro.Nodes;

/// <summary>A validated POST /node waiting for the group writer; its request awaits <see cref="Completion"/>.</summary>
internal sealed class PendingCreate(JsonObject node, string owner)
{
    private readonly TaskCompletionSource<string> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Normalised, without an id: the writer gives ids in write order, so id order stays creation order.</summary>
    public JsonObject Node { get; } = node;

    public string Owner { get; } = owner;

    /// <summary>The stored node as JSON: the very text written, so the response is not serialised again.</summary>
    public Task<string> Completion => _completion.Task;

    public bool IsDone => _completion.Task.IsCompleted;

    public void Succeed(string json) => _completion.TrySetResult(json);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
