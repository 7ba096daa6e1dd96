namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>A callback as stored: its row id, the node it is for, the lab whose token it carried, the body as received,
/// how many times processing it failed and when it arrived (the job's result time in the lab view, docs/labs.md).</summary>
internal sealed record StoredCallback(long Id, string NodeId, string Lab, byte[] Body, int Attempts, DateTimeOffset? Received = null);
