using KernelCI.ServiceDefaults;
using KernelCI.Storage.Backends;
using Microsoft.Extensions.Options;

namespace KernelCI.Storage;

/// <summary>Checks the "Storage" section at start; each failure names its key (docs/configuration.md lists them).</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const long MaxContentCacheBytes = 16L * 1024 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var rules = new OptionsRules()
            .Require(options.Backend is "local" or "azure", "Storage:Backend must be \"local\" or \"azure\"")
            .Require(options.MaxFileBytes > 0, "Storage:MaxFileBytes must be positive")
            .Require(options.MaxArchiveFiles > 0, "Storage:MaxArchiveFiles must be positive")
            .Require(options.MaxArchiveBytes > 0, "Storage:MaxArchiveBytes must be positive")
            .Require(options.MaxArchiveEntryBytes > 0, "Storage:MaxArchiveEntryBytes must be positive")
            .Require(options.MaxListPage > 0, "Storage:MaxListPage must be positive")
            .Require(options.ContentCacheBytes is >= 0 and <= MaxContentCacheBytes, "Storage:ContentCacheBytes must be 0-17179869184 (16 GiB)")
            .Require(options.Transport.IOQueueCount >= 0, "Storage:Transport:IOQueueCount must be 0 (Kestrel's default) or positive")
            .Require(options.Transport.SingleWriteBytes is >= 0 and <= LocalBackend.ReadChunk, "Storage:Transport:SingleWriteBytes must be 0-1048576");
        for (var i = 0; i < options.Users.Count; i++)
        {
            rules.Require(!string.IsNullOrWhiteSpace(options.Users[i].Name), $"Storage:Users:{i}:Name is required");
        }

        if (options.Backend == "azure")
        {
            var azure = options.Azure;
            rules.Require(azure.Account.Length > 0, "Storage:Azure:Account is required for the azure backend")
                .Require(IsContainerName(azure.Container), "Storage:Azure:Container must be 3-63 lowercase letters, digits or dashes")
                .Require(azure.Key.Length > 0 || azure.SasToken.Length > 0, "Storage:Azure:Key or Storage:Azure:SasToken is required")
                .Require(azure.Key.Length == 0 || IsBase64(azure.Key), "Storage:Azure:Key must be base64")
                .Require(azure.Endpoint.Length == 0 || Uri.TryCreate(azure.Endpoint, UriKind.Absolute, out _), "Storage:Azure:Endpoint must be an absolute URL");
        }

        return rules.Result;
    }

    private static bool IsContainerName(string name) =>
        name.Length is >= 3 and <= 63 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static bool IsBase64(string value) => Convert.TryFromBase64String(value, new byte[value.Length], out _);
}
