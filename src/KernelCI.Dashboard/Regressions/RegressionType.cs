namespace KernelCI.Dashboard.Regressions;

/// <summary>What a test's recent runs say about it (upstream's PossibleRegressionType,
/// kernelci/dashboard:backend/kernelCI_app/typeModels/testDetails.py). <see cref="RegressionClassifier"/> decides it;
/// <see cref="RegressionTypes.Name"/> is the word upstream answers.</summary>
internal enum RegressionType
{
    /// <summary>The newest run passed and no older run failed.</summary>
    Pass,

    /// <summary>The newest run failed and no older run passed.</summary>
    Fail,

    /// <summary>The newest run passed after failures, with no flip back.</summary>
    Fixed,

    /// <summary>The newest run failed after passes, with no flip back.</summary>
    Regression,

    /// <summary>A run neither passed nor failed, or the status flipped and flipped back.</summary>
    Unstable,
}
