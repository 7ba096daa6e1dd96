namespace KernelCI.Dashboard.Regressions;

internal static class RegressionTypes
{
    /// <summary>The word upstream's answers carry: `pass`, `fail`, `fixed`, `regression` or `unstable`.</summary>
    public static string Name(this RegressionType type) => type switch
    {
        RegressionType.Pass => "pass",
        RegressionType.Fail => "fail",
        RegressionType.Fixed => "fixed",
        RegressionType.Regression => "regression",
        _ => "unstable",
    };
}
