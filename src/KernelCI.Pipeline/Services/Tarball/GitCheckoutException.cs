namespace KernelCI.Pipeline.Services.Tarball;

/// <summary>The commit could not be fetched into the git cache, even after wiping it (git_checkout_failure), or the
/// checkout's revision is not one the pipeline fetches. The message is short and public (it becomes the node's
/// error_msg); <see cref="Detail"/> (git's stderr, cache paths) is for the service's log only.</summary>
internal sealed class GitCheckoutException(string message, string? detail = null, Exception? inner = null) : Exception(message, inner)
{
    public string Detail { get; } = detail ?? message;
}
