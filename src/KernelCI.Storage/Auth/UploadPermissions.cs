namespace KernelCI.Storage.Auth;

/// <summary>Per-user path prefixes. With no users configured any valid token may write anywhere, as upstream.</summary>
internal sealed class UploadPermissions(StorageOptions options)
{
    public bool Allows(string email, string key)
    {
        if (options.Users.Count == 0)
        {
            return true;
        }

        // Matched against the normalised key, not the raw field, so "/restricted" and "restricted" behave alike.
        return options.Users
            .Where(u => string.Equals(u.Name, email, StringComparison.Ordinal))
            .SelectMany(u => u.Prefixes)
            .Any(prefix => key.StartsWith(prefix.TrimStart('/'), StringComparison.Ordinal));
    }
}
