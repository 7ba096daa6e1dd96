using KernelCI.Client.Kcidb.Regressions;
using KernelCI.Notifications.Reports;

namespace KernelCI.Notifications.Tests;

internal sealed class FixedDetails : IFailureDetails
{
    public Task<FailureDetails> ReadAsync(KcidbRegression regression, CancellationToken cancellationToken) =>
        Task.FromResult(new FailureDetails("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git", "v6.13-rc1-12-g8f1c3b2d4e5a",
            "https://storage.kernelci.test/maestro/job-1/log.txt.gz",
            "[    1.234567] Run /sbin/init as init process\n[    1.300000] Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b\n[    1.300100] CPU: 0 PID: 1 Comm: init Not tainted 6.13.0-rc1 #1\n"));
}
