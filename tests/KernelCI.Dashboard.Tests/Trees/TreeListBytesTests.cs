using System.Runtime.CompilerServices;
using System.Text;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Trees;

/// <summary>The tree lists are written straight to the response (docs/dashboard-api.md, "How the lists are written"):
/// their bytes, content type and next-page cursor must stay those the lists had when they were built as records and
/// JSON nodes and serialized, recorded in Golden/ on <see cref="TreeListSeed"/>. KERNELCI_UPDATE_GOLDEN=1 records
/// them again (only from a build whose answers are known right).</summary>
public sealed class TreeListBytesTests
{
    public static TheoryData<DatabaseKind, string> Cases()
    {
        var data = new TheoryData<DatabaseKind, string>();
        foreach (var kind in new[] { DatabaseKind.Sqlite, DatabaseKind.PostgreSql })
        {
            foreach (var name in Requests.Keys)
            {
                data.Add(kind, name);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, string> Requests = new()
    {
        ["tests"] = "tests",
        ["boots"] = "boots",
        ["tests-full-misc"] = "tests?full_environment_misc=true",
        ["boots-full-misc"] = "boots?full_environment_misc=true",
        ["full"] = "full",
        ["full-full-misc"] = "full?full_environment_misc=yes",
        ["tests-page"] = "tests?limit=2&sort=-duration",
        ["tests-page-by-path"] = "tests?limit=3&sort=path",
        ["boots-page-default-sort"] = "boots?limit=1",
        ["tests-status-filter"] = "tests?filter_test.status=FAIL&filter_test.status=PASS",
        ["tests-issue-filter"] = "tests?filter_test.issue=maestro:issue-b,1",
        ["tests-path-filter"] = "tests?filter_test.path=timers",
        ["tests-hardware-filter"] = "tests?filter_test.hardware=bcm2711-rpi-4-b&filter_test.hardware=x86,box",
        ["tests-lab-filter"] = "tests?filter_test.lab=Unknown",
        ["boots-platform-filter"] = "boots?filter_boot.platform=rk3399-rock-pi-4b",
        ["boots-duration-filter"] = "boots?filter_boot.duration_[gte]=1",
        ["full-filtered"] = "full?filter_architecture=x86_64&filter_test.status=PASS",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Tree_lists_answer_the_recorded_bytes(DatabaseKind kind, string name)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeListSeed.SeedAsync(app);
        var request = Requests[name];
        var separator = request.Contains('?', StringComparison.Ordinal) ? '&' : '?';

        var answer = await ReadAsync(app, $"/api/tree/{TreeListSeed.Commit}/{request}{separator}{TreeListSeed.Query}");

        AssertGolden($"{name}.{kind.ToString().ToLowerInvariant()}.txt", answer);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tree_tests_second_page_answers_the_recorded_bytes(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeListSeed.SeedAsync(app);
        var path = $"/api/tree/{TreeListSeed.Commit}/tests?{TreeListSeed.Query}&limit=2&sort=-duration";
        using var first = await app.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var cursor = first.Headers.GetValues("X-Next-Cursor").Single();

        var answer = await ReadAsync(app, $"{path}&cursor={cursor}");

        AssertGolden($"tests-page-2.{kind.ToString().ToLowerInvariant()}.txt", answer);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tree_boots_by_name_and_branch_answer_the_recorded_bytes(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeListSeed.SeedAsync(app);

        var answer = await ReadAsync(app, $"/api/tree/listing/master/{TreeListSeed.Commit}/boots?origin=maestro");

        AssertGolden($"boots-direct.{kind.ToString().ToLowerInvariant()}.txt", answer);
    }

    private static async Task<string> ReadAsync(DashboardTestApp app, string path)
    {
        using var response = await app.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var cursor = response.Headers.TryGetValues("X-Next-Cursor", out var values) ? values.Single() : "";
        return $"status: {(int)response.StatusCode}\ncontent-type: {response.Content.Headers.ContentType}\nx-next-cursor: {cursor}\n\n{body}";
    }

    private static void AssertGolden(string file, string answer, [CallerFilePath] string source = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(source)!, "Golden", file);
        if (Environment.GetEnvironmentVariable("KERNELCI_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, answer, new UTF8Encoding(false));
            return;
        }

        var expected = File.ReadAllText(path, Encoding.UTF8);
        if (expected != answer)
        {
            var at = Enumerable.Range(0, Math.Min(expected.Length, answer.Length)).FirstOrDefault(i => expected[i] != answer[i], Math.Min(expected.Length, answer.Length));
            Assert.Fail($"{file} differs at {at}: expected …{Around(expected, at)}… got …{Around(answer, at)}…");
        }
    }

    private static string Around(string text, int at) => text[Math.Max(0, at - 60)..Math.Min(text.Length, at + 60)];
}
