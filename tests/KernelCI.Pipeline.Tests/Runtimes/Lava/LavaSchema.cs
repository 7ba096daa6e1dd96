using System.Diagnostics;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava;

/// <summary>LAVA's own job schema (Debian's lava-common, lava_common.schemas.validate, strict as the server is), run
/// by the system Python on a definition; null when it is valid, else the schema's complaint.</summary>
internal static class LavaSchema
{
    private const string Script = """
        import sys, yaml
        from lava_common.schemas import validate
        try:
            validate(yaml.safe_load(sys.stdin.read()), strict=True)
        except Exception as e:
            print(f"{type(e).__name__}: {e}")
            sys.exit(1)
        """;

    public static async Task<string?> ErrorsAsync(string yaml)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        await process.StandardInput.WriteAsync(yaml);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        // A missing lava-common is a failure to say so, never a pass (scripts/install-deps.sh --tests installs it).
        return process.ExitCode == 0 ? null : (output + error).Trim();
    }
}
