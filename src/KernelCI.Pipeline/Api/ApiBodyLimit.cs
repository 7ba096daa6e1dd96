namespace KernelCI.Pipeline.Api;

/// <summary>Endpoint metadata: how large a body the endpoint reads, and how long it waits for it.</summary>
internal sealed record ApiBodyLimit(long MaxBytes, TimeSpan Timeout);
