namespace KernelCI.Pipeline.Tests.Api;

/// <summary>One generated request: what it tries, and how to send it.</summary>
internal sealed record FuzzCase(string What, HttpMethod Method, string Path, byte[]? Body, string? ContentType, string? Token);
