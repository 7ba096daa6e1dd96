using System.Buffers.Binary;
using System.Security.Cryptography;

namespace KernelCI.Maestro;

/// <summary>MongoDB-style ids (24 hex characters, time first) so that id order is creation order and ids look like upstream's.</summary>
internal static class ObjectIds
{
    private static readonly byte[] Process = RandomNumberGenerator.GetBytes(5);
    private static int _counter = RandomNumberGenerator.GetInt32(0, 0xFFFFFF);

    public static string New(TimeProvider time)
    {
        Span<byte> bytes = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)time.GetUtcNow().ToUnixTimeSeconds());
        Process.CopyTo(bytes[4..]);
        var counter = Interlocked.Increment(ref _counter) & 0xFFFFFF;
        bytes[9] = (byte)(counter >> 16);
        bytes[10] = (byte)(counter >> 8);
        bytes[11] = (byte)counter;
        return Convert.ToHexStringLower(bytes);
    }

    public static bool IsValid(string? id) => id is { Length: 24 } && id.All(char.IsAsciiHexDigit);

    public static string Require(string? id) => IsValid(id)
        ? id!.ToLowerInvariant()
        : throw MaestroException.BadRequest($"'{id}' is not a valid ObjectId, it must be a 12-byte input or a 24-character hex string");
}
