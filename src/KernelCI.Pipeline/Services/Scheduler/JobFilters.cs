namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>A node's `jobfilter` and `platform_filter`, inherited by its children (kernelci/kernelci-pipeline:src/scheduler.py).</summary>
internal static class JobFilters
{
    /// <summary>No filter runs everything; otherwise the job is listed, or `X+` is listed where X is the job or any
    /// element of its path (so `kbuild-gcc-x86+` lets everything under that build run).</summary>
    public static bool AllowsJob(IReadOnlyList<string>? jobfilter, string job, IReadOnlyList<string> path)
    {
        if (jobfilter is null || jobfilter.Count == 0)
        {
            return true;
        }

        foreach (var entry in jobfilter)
        {
            if (entry == job)
            {
                return true;
            }

            if (entry.EndsWith('+'))
            {
                var prefix = entry[..^1];
                if (prefix == job || path.Contains(prefix))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool AllowsPlatform(IReadOnlyList<string>? platformFilter, string platform) =>
        platformFilter is null || platformFilter.Count == 0 || platformFilter.Contains(platform);
}
