namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>
/// SplitMix64 seeded per object, so any object can be rebuilt from (seed, kind, index) alone: the COPY baseline and
/// the post-load checks regenerate exactly what was uploaded without keeping it in memory.
/// </summary>
internal struct ObjectRandom
{
    private ulong _state;

    private ObjectRandom(ulong state) => _state = state;

    public static ObjectRandom For(long seed, ObjectKind kind, long index) =>
        new(Mix(Mix((ulong)seed) ^ ((ulong)kind << 56) ^ (ulong)index));

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    public int Next(int exclusiveMax) => (int)(NextUInt64() % (ulong)exclusiveMax);

    public int Next(int min, int exclusiveMax) => min + Next(exclusiveMax - min);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public string Hex(int digits)
    {
        Span<char> chars = stackalloc char[digits];
        for (var i = 0; i < digits; i += 16)
        {
            var hex = NextUInt64().ToString("x16");
            hex.AsSpan(0, Math.Min(16, digits - i)).CopyTo(chars[i..]);
        }

        return new string(chars);
    }
}
