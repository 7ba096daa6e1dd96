namespace KernelCI.Bench.Infrastructure;

/// <summary>Runs a scenario in a temporary folder: failures become exit code 2 with a message, and the folder is
/// deleted at the end unless the user asked to keep it.</summary>
internal static class ScratchRun
{
    public static async Task<int> RunAsync(bool keep, TextWriter output, Func<DirectoryInfo, Task<int>> body, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("kernelci-bench-");
        try
        {
            return await body(work);
        }
        catch (BenchFailure e)
        {
            await output.WriteLineAsync("FAILED: " + e.Message);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync("cancelled; cleaning up");
            return ExitCodes.Failure;
        }
        finally
        {
            if (keep)
            {
                await output.WriteLineAsync($"kept {work.FullName}");
            }
            else
            {
                work.Delete(recursive: true);
            }
        }
    }
}
