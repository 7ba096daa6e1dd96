using KernelCI.Data;

namespace KernelCI.Kcidb.Regressions;

/// <summary>Brings the regressions of the series a checkout touches up to date: reads the branch's recent history
/// (<see cref="SeriesHistory"/>), analyses each touched series (<see cref="SeriesAnalysis"/>) and saves the verdicts in
/// one transaction. Running it twice gives the same rows.</summary>
public static class RegressionRecompute
{
    /// <summary>How many of a branch's newest checkouts are read.</summary>
    public const int WindowCheckouts = 50;

    /// <summary>The number of series analysed; 0 when the checkout has no tree or branch (nothing to compare it with).</summary>
    public static async Task<int> ForCheckoutAsync(Database database, string checkoutId, TimeProvider time, CancellationToken cancellationToken,
        RegressionRules? rules = null)
    {
        var history = await SeriesHistory.ReadAsync(database, checkoutId, WindowCheckouts, cancellationToken);
        if (history is null || history.Touched.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var invalid = await RegressionStore.InvalidAsync(connection, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var key in history.Touched)
        {
            var verdict = SeriesAnalysis.Analyze(key, history.Series[key], rules, invalid);
            await RegressionStore.SaveAsync(database, connection, transaction, verdict, history.Commits, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return history.Touched.Count;
    }
}
