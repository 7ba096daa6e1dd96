using KernelCI.Client.Kcidb.Regressions;

namespace KernelCI.Notifications.Reports;

/// <summary>Where a report's details come from (KCIDB; a fixed set in tests).</summary>
internal interface IFailureDetails
{
    Task<FailureDetails> ReadAsync(KcidbRegression regression, CancellationToken cancellationToken);
}
