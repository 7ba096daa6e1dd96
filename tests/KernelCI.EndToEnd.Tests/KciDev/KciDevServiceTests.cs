using System.Text.Json;
using KernelCI.Client.Kcidb;

namespace KernelCI.EndToEnd.Tests.KciDev;

/// <summary>Upstream's kci-dev 0.1.11, unmodified, against our storage and KCIDB: `storage checkauth`, `storage upload`
/// and `submit build` (docs/compatibility.md). No kernel is built here.</summary>
public sealed class KciDevServiceTests(KciDevServer server) : IClassFixture<KciDevServer>
{
    private static readonly TimeSpan IngestBudget = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Storage_checkauth_accepts_the_storage_token()
    {
        var result = await server.KciDevAsync("storage", "checkauth");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("dev@example.org", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_checkauth_with_a_forged_token_fails()
    {
        var result = await server.KciDevAsync("storage", "checkauth", "--storage-url", server.StorageUrl.ToString(), "--storage-token", "forged.token.value");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Authentication failed", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_upload_stores_each_file_under_the_path()
    {
        var log = Path.Combine(server.WorkDirectory, "build.log");
        var config = Path.Combine(server.WorkDirectory, "kernel.config");
        await File.WriteAllTextAsync(log, "make: done\n");
        await File.WriteAllTextAsync(config, "CONFIG_64BIT=y\n");

        var result = await server.KciDevAsync("storage", "upload", "--path", "kcidev/build-1", log, config);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("make: done\n", await server.Http.GetStringAsync(new Uri(server.StorageUrl, "kcidev/build-1/build.log")));
        Assert.Equal("CONFIG_64BIT=y\n", await server.Http.GetStringAsync(new Uri(server.StorageUrl, "kcidev/build-1/kernel.config")));
    }

    [Fact]
    public async Task Submit_build_stores_the_checkout_and_the_build_in_kcidb()
    {
        string[] build =
        [
            "submit", "build", "--origin", server.Origin, "--giturl", "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git",
            "--branch", "master", "--commit", "830b3c68c1fb1e9176028d02ef86f3cf76aa2476", "--tree-name", "mainline", "--arch", "x86_64",
            "--config-name", "tinyconfig", "--compiler", "gcc-12", "--status", "FAIL", "--start-time", "2026-12-06T01:02:03+00:00",
            "--duration", "42.5", "--log-url", new Uri(server.StorageUrl, "kcidev/build-1/build.log").ToString(),
        ];
        var dryRun = await server.KciDevAsync([.. build, "--dry-run"]);
        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        var payload = JsonDocument.Parse(dryRun.Output).RootElement;
        var checkoutId = payload.GetProperty("checkouts")[0].GetProperty("id").GetString()!;
        var buildId = payload.GetProperty("builds")[0].GetProperty("id").GetString()!;

        var submit = await server.KciDevAsync(build);

        Assert.True(submit.ExitCode == 0, submit.ToString());
        Assert.Contains("Submitted successfully", submit.Output, StringComparison.Ordinal);
        var stored = await server.Probe.WaitAsync(async () =>
        {
            var document = await server.Kcidb.QueryAsync(new KcidbQuery { Checkouts = [checkoutId], Children = true });
            return document.RootElement.TryGetProperty("builds", out var builds) && builds.GetArrayLength() > 0 ? document : null;
        }, DateTime.UtcNow + IngestBudget, "the submitted build in KCIDB", () => server.Output);
        var row = Assert.Single(stored.RootElement.GetProperty("builds").EnumerateArray());
        Assert.Equal(buildId, row.GetProperty("id").GetString());
        Assert.Equal(("FAIL", "tinyconfig", "x86_64"),
            (row.GetProperty("status").GetString(), row.GetProperty("config_name").GetString(), row.GetProperty("architecture").GetString()));
        Assert.Equal(42.5, row.GetProperty("duration").GetDouble());
    }
}
