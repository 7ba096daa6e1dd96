using Microsoft.AspNetCore.Authentication;

namespace KernelCI.Storage.Auth;

internal sealed class StorageAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The data folder's `storage-jwt` and every Storage:ExtraSecrets entry (upstream's unified_secret).</summary>
    public IReadOnlyList<string> Secrets { get; set; } = [];
}
