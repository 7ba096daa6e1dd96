using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Kcidb.Schema;
using KernelCI.Triage.Kcidb;
using static KernelCI.Triage.Tests.Logs;

namespace KernelCI.Triage.Tests.Kcidb;

public sealed class TriageDocumentTests
{
    private static TriagedResult BuildResult(string id, string log) => new(TriagedResultKind.Build, id, BuildLog(Recorded(log)));

    private static TriagedResult TestResult(string id, string log) => new(TriagedResultKind.Test, id, BootLog(Corpus(log), "/ #"));

    private static JsonObject Every() => TriageDocument.Create("kernelci", [
        BuildResult("kernelci:b1", "gcc-error-and-warnings.txt"),
        BuildResult("kernelci:b2", "clang-link-errors.txt"),
        BuildResult("kernelci:b3", "kconfig-errors.txt"),
        new TriagedResult(TriagedResultKind.Build, "kernelci:b4", BuildLog(Corpus("make-recipe-only.log"))),
        TestResult("kernelci:t1", "oops-null-pointer-x86.log"),
        TestResult("kernelci:t2", "kasan.log"),
        new TriagedResult(TriagedResultKind.Test, "kernelci:t3", BootLog(Recorded("qemu-login.log"), "login:")),
        new TriagedResult(TriagedResultKind.Test, "kernelci:t4", BootLog("", "login:")),
    ]);

    private static JsonArray Issues(JsonObject document) => document["issues"]!.AsArray();

    private static JsonArray Incidents(JsonObject document) => document["incidents"]!.AsArray();

    [Fact]
    public void Document_is_valid_kcidb_v5_3()
    {
        var result = KcidbDocuments.Validate(JsonDocument.Parse(Every().ToJsonString()).RootElement);

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Document_passes_kcidb_ingestion_checks()
    {
        var result = KcidbDocuments.Process(JsonDocument.Parse(Every().ToJsonString()).RootElement);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Same_problem_on_many_builds_is_one_issue_with_an_incident_per_build()
    {
        var document = TriageDocument.Create("kernelci", [
            BuildResult("kernelci:b1", "gcc-warning.txt"), BuildResult("other:b2", "clang-warning.txt")]);

        Assert.Single(Issues(document));
        Assert.Equal(["kernelci:b1", "other:b2"], Incidents(document).Select(i => (string)i!["build_id"]!));
    }

    [Fact]
    public void Issue_id_comes_from_the_fingerprint_and_version_is_one()
    {
        var problem = Assert.Single(BuildLog(Recorded("gcc-warning.txt")));

        var issue = Issues(TriageDocument.Create("kernelci", [new(TriagedResultKind.Build, "kernelci:b1", [problem])]))[0]!;

        Assert.Equal(($"kernelci:triage_{problem.Fingerprint}", 1), ((string)issue["id"]!, (int)issue["version"]!));
    }

    [Fact]
    public void Triaging_again_gives_the_same_ids()
    {
        static IEnumerable<string> Ids(JsonObject document) =>
            Issues(document).Concat(Incidents(document)).Select(o => (string)o!["id"]!);

        Assert.Equal(Ids(Every()), Ids(Every()));
    }

    [Fact]
    public void Test_incident_points_at_the_test()
    {
        var incident = Incidents(TriageDocument.Create("kernelci", [TestResult("kernelci:t1", "kasan.log")]))[0]!;

        Assert.Equal(("kernelci:t1", null), ((string?)incident["test_id"], incident["build_id"]));
    }

    [Fact]
    public void Issue_has_the_category_subject_and_comment()
    {
        var issue = Issues(TriageDocument.Create("kernelci", [TestResult("kernelci:t1", "kasan.log")]))[0]!;

        Assert.Equal("kernel.kasan", (string)issue["categories"]![0]!);
        Assert.Equal("KASAN: slab-out-of-bounds in triage_fill_buffer", (string)issue["report_subject"]!);
        Assert.Equal("KASAN: slab-out-of-bounds in triage_fill_buffer [triage:kernel.kasan]", (string)issue["comment"]!);
    }

    [Theory]
    [InlineData("kernelci:b1", "{\"code\":true,\"tool\":false,\"harness\":false}")]
    [InlineData("kernelci:b2", "{\"code\":true,\"tool\":false,\"harness\":false}")]
    [InlineData("kernelci:b3", "{\"code\":true,\"tool\":false,\"harness\":false}")]
    [InlineData("kernelci:t1", "{\"code\":true,\"tool\":false,\"harness\":false}")]
    [InlineData("kernelci:t3", "{\"tool\":false,\"harness\":true}")]
    [InlineData("kernelci:t4", "{\"code\":false,\"tool\":false,\"harness\":true}")]
    public void Culprit_follows_the_kind_of_problem(string resultId, string culprit)
    {
        var document = Every();
        var issueId = (string)Incidents(document).First(i => (string?)(i!["build_id"] ?? i["test_id"]) == resultId)!["issue_id"]!;

        var issue = Issues(document).Single(i => (string)i!["id"]! == issueId)!;

        Assert.Equal(culprit, issue["culprit"]!.ToJsonString());
    }

    [Fact]
    public void Make_failure_alone_has_an_unknown_culprit()
    {
        var issue = Issues(TriageDocument.Create("kernelci", [new(TriagedResultKind.Build, "kernelci:b4", BuildLog(Corpus("make-recipe-only.log")))]))[0]!;

        Assert.Null(issue["culprit"]);
    }

    [Fact]
    public void Invalid_origin_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TriageDocument.Create("Kernel CI", []));
    }
}
