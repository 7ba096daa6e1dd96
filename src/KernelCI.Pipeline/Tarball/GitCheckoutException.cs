namespace KernelCI.Pipeline.Tarball;

/// <summary>The commit could not be fetched into the git cache even after wiping it (git_checkout_failure).</summary>
internal sealed class GitCheckoutException(string message, Exception? inner = null) : Exception(message, inner);
