namespace KernelCI.Storage;

/// <summary>The "Storage:Transport" section: socket and response settings of the storage listener alone (each
/// component has its own Kestrel server). The defaults are the ones measured best (docs/benchmarks.md, storage).</summary>
public sealed record StorageTransportOptions
{
    /// <summary>Kestrel's UnsafePreferInlineScheduling: run request code on the socket's I/O thread.</summary>
    public bool InlineScheduling { get; init; }

    /// <summary>Socket I/O queues; 0 keeps Kestrel's default (one per core, at most 16).</summary>
    public int IOQueueCount { get; init; }

    /// <summary>Kestrel's WaitForDataBeforeAllocatingBuffer: wait for readable data before renting a receive block.</summary>
    public bool WaitForDataBeforeAllocatingBuffer { get; init; } = true;

    /// <summary>Send `Server: Kestrel`.</summary>
    public bool ServerHeader { get; init; } = true;

    /// <summary>A local download (or range) of at most this many bytes is left in the response's buffer for the
    /// request's end to send with its headers, instead of being flushed on its own; 0 flushes every chunk.</summary>
    public int SingleWriteBytes { get; init; } = 64 * 1024;
}
