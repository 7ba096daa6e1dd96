namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>Ids shaped like the bridge's: `maestro:` plus a Maestro node id (24 hex, a MongoDB ObjectId) for
/// checkouts, builds and tests; `maestro:` plus 40 hex (logspec signatures, sha1 incident ids) for issues and incidents.</summary>
internal sealed class IdFactory(long seed)
{
    public const string Origin = "maestro";

    // 2026-10-01T00:00:00Z: the ObjectIds' embedded creation time starts here.
    private const uint EpochSeconds = 1_790_812_800;

    public string NodeId(ObjectKind kind, long index)
    {
        // Timestamp, then 5 bytes fixed per kind (a MongoDB process id), then a 3-byte counter; an index ≥ 2^24 moves
        // the timestamp by ≥ 2^18 s, so (timestamp, counter) stays unique per kind.
        var timestamp = EpochSeconds + (uint)(index >> 6);
        var process = ObjectRandom.Mix((ulong)seed * 31 + (ulong)kind) & 0xFF_FFFF_FFFFUL;
        var counter = (ulong)index & 0xFF_FFFFUL;
        return $"{Origin}:{timestamp:x8}{process:x10}{counter:x6}";
    }

    public string HashId(ObjectKind kind, long index)
    {
        var random = ObjectRandom.For(seed, kind, index ^ 0x5A5A_0000_0000L);
        return $"{Origin}:{random.Hex(40)}";
    }
}
