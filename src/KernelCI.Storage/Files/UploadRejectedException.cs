namespace KernelCI.Storage.Files;

/// <summary>An upload refused for a reason the client can fix; becomes a plain-text reply with <see cref="StatusCode"/>.</summary>
internal sealed class UploadRejectedException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
