namespace KernelCI.Pipeline.Api;

/// <summary>A refused request: its HTTP status and a message naming the field at fault, sent as upstream's
/// `{"message": …}`, which kci-dev prints.</summary>
internal sealed class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ApiException BadRequest(string message) => new(400, message);

    public static ApiException NotFound(string message) => new(404, message);
}
