using System.Net;
using System.Net.Sockets;

namespace KernelCI.Testing;

public static class FreePort
{
    private const int Width = 6;
    private const int Lowest = 12000;
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Given = [];

    /// <summary>A base port N such that N..N+5 were free a moment ago (one per component listener). Chosen below the
    /// kernel's ephemeral range: a port picked inside it was free when checked but could become the local end of an
    /// outgoing connection (a database or HTTP client) before the test bound it, failing the test with "address already
    /// in use" (CI, stop 29). Above 12000, clear of Azurite (10000-10002). Ranges handed out once are never handed out
    /// again in this process. With KERNELCI_TEST_PORT_LANE=1 (test.sh's second lane), the upper half of the range, so
    /// two test processes running at once never pick the same port between one's check and its bind.</summary>
    public static int BasePort()
    {
        var highest = EphemeralLow() - Width;
        var middle = (Lowest + highest) / 2;
        var (low, high) = Environment.GetEnvironmentVariable("KERNELCI_TEST_PORT_LANE") == "1" ? (middle, highest) : (Lowest, middle);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var candidate = Random.Shared.Next(low, high) / Width * Width;
            lock (Gate)
            {
                if (Given.Contains(candidate) || !Enumerable.Range(candidate, Width).All(IsFree))
                {
                    continue;
                }

                Given.Add(candidate);
                return candidate;
            }
        }

        throw new InvalidOperationException("no free port range found");
    }

    /// <summary>The start of the ephemeral range (/proc/sys/net/ipv4/ip_local_port_range), 32768 where unreadable.</summary>
    private static int EphemeralLow()
    {
        try
        {
            var first = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0];
            return int.TryParse(first, out var low) && low > Lowest + 1000 ? low : 32768;
        }
        catch (IOException)
        {
            return 32768;
        }
        catch (UnauthorizedAccessException)
        {
            return 32768;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
