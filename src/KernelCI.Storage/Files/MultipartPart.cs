namespace KernelCI.Storage.Files;

/// <summary>The headers of one multipart part that uploads look at; its body is read from the reader.</summary>
internal sealed record MultipartPart(string ContentDisposition);
