namespace KernelCI.Storage.Tests.Client;

/// <summary>Yields <paramref name="prefix"/>, then fails the way a reset connection does.</summary>
internal sealed class BrokenStream(byte[] prefix) : MemoryStream(prefix)
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await base.ReadAsync(buffer, cancellationToken);
        return read > 0 ? read : throw new IOException("connection reset");
    }
}
