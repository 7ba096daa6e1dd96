namespace KernelCI.Maestro.Tests;

/// <summary>A request body as raw bytes, so that it can be invalid UTF-8 or claim any content type.</summary>
internal sealed record FuzzBody(string ContentType, byte[] Bytes);
