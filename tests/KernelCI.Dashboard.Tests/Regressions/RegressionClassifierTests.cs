using KernelCI.Dashboard.Regressions;

namespace KernelCI.Dashboard.Tests.Regressions;

public sealed class RegressionClassifierTests
{
    [Theory]
    [InlineData("PASS")]
    [InlineData("PASS PASS PASS")]
    public void Passes_only_are_pass(string newestFirst) => Assert.Equal(RegressionType.Pass, Classify(newestFirst));

    [Theory]
    [InlineData("FAIL")]
    [InlineData("FAIL FAIL")]
    public void Failures_only_are_fail(string newestFirst) => Assert.Equal(RegressionType.Fail, Classify(newestFirst));

    [Theory]
    [InlineData("FAIL PASS")]
    [InlineData("FAIL PASS PASS")]
    [InlineData("FAIL FAIL PASS")]
    public void A_failure_after_passes_is_a_regression(string newestFirst) => Assert.Equal(RegressionType.Regression, Classify(newestFirst));

    [Theory]
    [InlineData("PASS FAIL")]
    [InlineData("PASS PASS FAIL FAIL")]
    public void A_pass_after_failures_is_fixed(string newestFirst) => Assert.Equal(RegressionType.Fixed, Classify(newestFirst));

    [Theory]
    [InlineData("PASS FAIL PASS")]
    [InlineData("FAIL PASS FAIL")]
    [InlineData("FAIL PASS PASS FAIL")]
    public void A_flip_back_is_unstable(string newestFirst) => Assert.Equal(RegressionType.Unstable, Classify(newestFirst));

    [Theory]
    [InlineData("SKIP")]
    [InlineData("NULL PASS")]
    [InlineData("ERROR FAIL FAIL")]
    public void An_inconclusive_newest_run_is_unstable(string newestFirst) => Assert.Equal(RegressionType.Unstable, Classify(newestFirst));

    [Theory]
    [InlineData("PASS MISS")]
    [InlineData("FAIL FAIL DONE")]
    [InlineData("PASS PASS NULL")]
    public void Any_inconclusive_older_run_is_unstable(string newestFirst) => Assert.Equal(RegressionType.Unstable, Classify(newestFirst));

    [Fact]
    public void A_run_without_status_is_inconclusive() =>
        Assert.Equal(RegressionType.Unstable, RegressionClassifier.Classify(["PASS", null]));

    [Fact]
    public void Oldest_first_histories_are_read_backwards() =>
        Assert.Equal(RegressionType.Regression, RegressionClassifier.ClassifyOldestFirst(["PASS", "PASS", "FAIL"]));

    [Fact]
    public void An_empty_history_is_refused() =>
        Assert.Throws<ArgumentException>(() => RegressionClassifier.Classify([]));

    [Theory]
    [InlineData("Pass", "pass")]
    [InlineData("Fail", "fail")]
    [InlineData("Fixed", "fixed")]
    [InlineData("Regression", "regression")]
    [InlineData("Unstable", "unstable")]
    public void Types_are_named_as_upstream(string type, string name) => Assert.Equal(name, Enum.Parse<RegressionType>(type).Name());

    private static RegressionType Classify(string newestFirst) => RegressionClassifier.Classify(newestFirst.Split(' '));
}
