namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>CRC-32 (gzip's) of a concatenation from the CRCs of its parts, as zlib's crc32_combine: the archive is
/// assembled from compressed pieces whose raw bytes are never read again, so their CRCs are combined instead.</summary>
internal static class Crc32Math
{
    private const uint Polynomial = 0xEDB88320;

    // x^(2^n) modulo the polynomial, n = 0..31.
    private static readonly uint[] PowersOfTwo = BuildPowers();

    /// <summary>The CRC of A followed by B, from crc(A), crc(B) and B's length.</summary>
    public static uint Combine(uint first, uint second, long secondLength) =>
        secondLength == 0 ? first : Multiply(PowerOfX(secondLength, 3), first) ^ second;

    // a * b modulo the polynomial, bits reflected as in the CRC.
    private static uint Multiply(uint a, uint b)
    {
        var m = 1u << 31;
        var product = 0u;
        while (m != 0)
        {
            if ((a & m) != 0)
            {
                product ^= b;
                if ((a & (m - 1)) == 0)
                {
                    break;
                }
            }

            m >>= 1;
            b = (b & 1) != 0 ? (b >> 1) ^ Polynomial : b >> 1;
        }

        return product;
    }

    // x^(n * 2^k) modulo the polynomial.
    private static uint PowerOfX(long n, int k)
    {
        var power = 1u << 31;
        while (n != 0)
        {
            if ((n & 1) != 0)
            {
                power = Multiply(PowersOfTwo[k & 31], power);
            }

            n >>= 1;
            k++;
        }

        return power;
    }

    private static uint[] BuildPowers()
    {
        var powers = new uint[32];
        var power = 1u << 30;
        powers[0] = power;
        for (var n = 1; n < powers.Length; n++)
        {
            powers[n] = power = Multiply(power, power);
        }

        return powers;
    }
}
