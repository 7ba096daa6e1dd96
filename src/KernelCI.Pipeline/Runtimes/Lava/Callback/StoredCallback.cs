namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>A callback as stored: its row id, the node it is for, the lab whose token it carried, the body as received
/// and how many times processing it failed.</summary>
internal sealed record StoredCallback(long Id, string NodeId, string Lab, byte[] Body, int Attempts);
