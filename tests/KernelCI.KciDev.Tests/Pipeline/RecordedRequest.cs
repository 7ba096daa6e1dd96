namespace KernelCI.KciDev.Tests.Pipeline;

/// <summary>A request kci-dev sent: its method, path and query, raw Authorization header and body.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, string? Authorization, string? Body);
