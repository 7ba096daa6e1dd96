namespace KernelCI.Storage;

public sealed record AzureBlobOptions
{
    public string Account { get; init; } = "";

    /// <summary>Base64 shared key; either this or <see cref="SasToken"/> is required.</summary>
    public string Key { get; init; } = "";

    public string SasToken { get; init; } = "";

    public string Container { get; init; } = "";

    /// <summary>Account URL; defaults to https://ACCOUNT.blob.core.windows.net (Azurite: http://127.0.0.1:10000/devstoreaccount1).</summary>
    public string Endpoint { get; init; } = "";
}
