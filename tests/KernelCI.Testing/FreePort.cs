using System.Net;
using System.Net.Sockets;

namespace KernelCI.Testing;

public static class FreePort
{
    /// <summary>A base port N such that N..N+5 were free a moment ago (one per component listener).</summary>
    public static int BasePort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var candidate = Random.Shared.Next(20000, 60000);
            if (Enumerable.Range(candidate, 6).All(IsFree))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("no free port range found");
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
