namespace KernelCI.Pipeline.Tests.Stack;

/// <summary>What <see cref="FlakyProxy.Refuse"/> sees of a request.</summary>
internal sealed record FlakyRequest(string Method, string Path, string Body);
