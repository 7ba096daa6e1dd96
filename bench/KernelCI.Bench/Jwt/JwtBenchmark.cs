using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.ServiceDefaults.Jwt;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KernelCI.Bench.Jwt;

/// <summary>
/// The cost of one token validation, as KCIDB /submit, storage uploads and Maestro pay it per request: a token of
/// upstream's shape, one secret of 32 bytes (the library takes no shorter HMAC key). Per pass: the process's CPU
/// time (the collector's included; steadier than the wall clock on a shared machine) and this thread's allocations. docs/security.md ("Tokens") records the figures.
/// </summary>
internal sealed class JwtBenchmark(int validations, int rounds, TextWriter output)
{
    private const string Secret = "kernelci-secret-of-32-bytes-long";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var token = Hs256Jwt.Sign(new JsonObject { ["origin"] = "acme", ["sub"] = "user", ["exp"] = now.AddHours(1).ToUnixTimeSeconds() }, Secret);
        var handler = new JsonWebTokenHandler();
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ClockSkew = TimeSpan.Zero,
            RequireExpirationTime = true,
        };
        string[] secrets = [Secret];
        var ours = new List<(double Micros, double Bytes)>();
        var library = new List<(double Micros, double Bytes)>();
        for (var round = 0; round < rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var a = Measure(() => Hs256Jwt.Validate(token, secrets, now).IsValid);
            var b = await MeasureAsync(async () => (await handler.ValidateTokenAsync(token, parameters)).IsValid);
            if (round > 0)
            {
                ours.Add(a);
                library.Add(b);
            }

            await output.WriteLineAsync($"pass {round}: ours {a.Micros:F2} µs CPU {a.Bytes:F0} B, library {b.Micros:F2} µs CPU {b.Bytes:F0} B{(round == 0 ? " (warm-up, discarded)" : "")}");
        }

        await output.WriteLineAsync($"per validation, median of {rounds - 1} passes: ours {Median(ours, p => p.Micros):F2} µs CPU {Median(ours, p => p.Bytes):F0} B; " +
            $"library {Median(library, p => p.Micros):F2} µs CPU {Median(library, p => p.Bytes):F0} B");
        return ExitCodes.Success;
    }

    private (double Micros, double Bytes) Measure(Func<bool> validate)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < validations; i++)
        {
            if (!validate())
            {
                throw new BenchFailure("a valid token was refused");
            }
        }

        return ((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / validations, (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / validations);
    }

    private async Task<(double Micros, double Bytes)> MeasureAsync(Func<Task<bool>> validate)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < validations; i++)
        {
            if (!await validate())
            {
                throw new BenchFailure("a valid token was refused");
            }
        }

        return ((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / validations, (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / validations);
    }

    private static double Median<T>(List<T> passes, Func<T, double> value)
    {
        var sorted = passes.Select(value).Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
