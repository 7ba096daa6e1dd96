namespace KernelCI.Bench.Storage.Transfers;

/// <summary>An uploaded object: downloads fetch <paramref name="Key"/> and expect exactly <paramref name="Length"/> bytes.</summary>
internal sealed record StoredFile(string Key, long Length);
