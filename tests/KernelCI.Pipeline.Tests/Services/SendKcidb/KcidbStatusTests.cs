using KernelCI.Pipeline.Services.SendKcidb;

namespace KernelCI.Pipeline.Tests.Services.SendKcidb;

public sealed class KcidbStatusTests
{
    [Theory]
    [InlineData("pass", null, "PASS")]
    [InlineData("fail", null, "FAIL")]
    [InlineData("incomplete", "kbuild_internal_error", "ERROR")]
    [InlineData("fail", "git_checkout_failure", "ERROR")]
    [InlineData("incomplete", "node_timeout", "MISS")]
    [InlineData(null, null, null)]
    public void Build_status_follows_result_and_error_code(string? result, string? errorCode, string? expected)
    {
        var build = BridgeNodes.Kbuild(result: result, errorCode: errorCode);

        Assert.Equal(expected, KcidbStatus.ForBuild(build));
    }

    [Theory]
    [InlineData("pass", null, "PASS")]
    [InlineData("fail", null, "FAIL")]
    [InlineData("skip", null, "SKIP")]
    [InlineData("fail", "Infrastructure", "ERROR")]
    [InlineData("incomplete", "LAVATimeout", "ERROR")]
    [InlineData("incomplete", "Canceled", "ERROR")]
    [InlineData("incomplete", "Test", "ERROR")]
    [InlineData("incomplete", "Bug", "MISS")]
    [InlineData("incomplete", "submit_error", "MISS")]
    [InlineData("incomplete", "invalid_job_params", "MISS")]
    [InlineData("incomplete", "node_timeout", null)]
    [InlineData("incomplete", null, null)]
    public void Test_status_follows_result_and_error_code(string result, string? errorCode, string? expected)
    {
        var test = BridgeNodes.Job("baseline-x86", result, errorCode: errorCode);

        Assert.Equal(expected, KcidbStatus.ForTest(test, []));
    }

    [Fact]
    public void Failed_leaf_under_an_infrastructure_error_is_ERROR()
    {
        var job = BridgeNodes.Job("baseline-x86", "incomplete", errorCode: "Infrastructure");
        var leaf = BridgeNodes.Job("login", "fail", id: "t1", parent: "j1", kind: "test");

        Assert.Equal("ERROR", KcidbStatus.ForTest(leaf, [job]));
    }

    [Fact]
    public void Passed_leaf_under_an_infrastructure_error_keeps_PASS()
    {
        var job = BridgeNodes.Job("baseline-x86", "incomplete", errorCode: "Infrastructure");
        var leaf = BridgeNodes.Job("login", "pass", id: "t1", parent: "j1", kind: "test");

        Assert.Equal("PASS", KcidbStatus.ForTest(leaf, [job]));
    }
}
