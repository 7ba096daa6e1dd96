using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using KernelCI.Testing;
using YamlDotNet.RepresentationModel;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava;

/// <summary>The real LAVA 2023.01 lab of scripts/lava.sh (docs/labs.md): a job submitted through REST v0.2 boots the
/// test kernel with the lab's busybox initramfs and calls back as storage-and-lava's B.7 describes. No skip: a lab that
/// cannot start fails these tests with the script's output.</summary>
public sealed class LavaLabTests
{
    private static readonly TimeSpan CallbackLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Submitted_job_calls_back_complete_with_the_lava_suite_and_its_test_cases()
    {
        var ct = TestContext.Current.CancellationToken;
        var lab = await LavaLab.GetAsync();
        var kernel = await TestKernel.GetAsync();
        using var receiver = LavaCallbackReceiver.Start();
        var nodeId = Guid.NewGuid().ToString("N");
        using var client = Client(lab, lab.RuntimeToken);

        using var response = await client.PostAsync("jobs/", Definition(Job(lab, kernel.BzImage, receiver.Url, nodeId)), ct);
        var submitted = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, submitted);
        var callback = await receiver.WaitAsync("/node/" + nodeId, CallbackLimit);

        Assert.Equal("POST", callback.Method);
        Assert.Equal(lab.CallbackToken, callback.Headers["Authorization"]);
        var body = JsonNode.Parse(callback.Body)!;
        Assert.Equal(("complete", "Complete", "Finished"), (Text(body, "status_string"), Text(body, "health_string"), Text(body, "state_string")));
        Assert.Equal(lab.Device, Text(body, "actual_device_id"));
        var results = body["results"]!.AsObject();
        var lava = Cases(results["lava"]!);
        Assert.Contains(("login-action", "pass"), lava);
        Assert.Contains(("job", "pass"), lava);
        Assert.Equal([("proc-version", "pass"), ("expected-fail", "fail")], Cases(results["0_smoke"]!));
        Assert.Contains("Linux version 6.1", await LogAsync(client, body, submitted, ct));
    }

    [Fact]
    public async Task Submission_with_a_wrong_token_is_refused_with_403()
    {
        var lab = await LavaLab.GetAsync();
        using var client = Client(lab, "not-a-token");

        using var response = await client.PostAsync("jobs/", Definition("job_name: x"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static HttpClient Client(LavaLab lab, string token) => new()
    {
        BaseAddress = lab.ApiUrl,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Token", token) },
    };

    /// <summary>The submission body with its length: LAVA's Django reads nothing from a chunked request body, so
    /// JsonContent (no length, sent chunked) arrives empty and is refused with 400.</summary>
    private static StringContent Definition(string yaml) =>
        new(new JsonObject { ["definition"] = yaml }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static string Text(JsonNode body, string field) => body[field]!.ToString();

    /// <summary>The callback's log, or the job's stored log when the callback's lacks the kernel's banner: LAVA reads
    /// the log into the callback as the job ends, and under test.sh's two lanes it once came without its boot lines.</summary>
    private static async Task<string> LogAsync(HttpClient client, JsonNode body, string submitted, CancellationToken ct)
    {
        var log = Text(body, "log");
        if (log.Contains("Linux version", StringComparison.Ordinal))
        {
            return log;
        }

        var jobId = JsonNode.Parse(submitted)!["job_ids"]![0]!.ToString();
        return await client.GetStringAsync($"jobs/{jobId}/logs/", ct);
    }

    /// <summary>A suite's cases (name, result) in order: LAVA sends each suite as a YAML string, a list of cases, where
    /// a name may repeat (two `file-download` entries in the `lava` suite).</summary>
    private static List<(string Name, string Result)> Cases(JsonNode suite)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(suite.ToString()));
        return ((YamlSequenceNode)yaml.Documents[0].RootNode).Children.Cast<YamlMappingNode>()
            .Select(c => (c["name"].ToString(), c["result"].ToString())).ToList();
    }

    /// <summary>The smallest job that boots, logs in and runs a test definition: file:// images need no HTTP server,
    /// and the ramdisk's `overlays: lava` lets LAVA put its test shell into the cpio (no libguestfs drive).</summary>
    private static string Job(LavaLab lab, string bzImage, Uri receiver, string nodeId) => $$"""
        job_name: lava-lab test {{nodeId}}
        device_type: {{lab.DeviceType}}
        visibility: public
        priority: high
        context: {arch: x86_64, no_kvm: true}
        timeouts: {job: {minutes: 3}, action: {minutes: 2}, connection: {minutes: 1}, queue: {minutes: 10} }
        metadata: {node_id: {{nodeId}}}
        notify:
          criteria: {status: finished}
          callbacks:
          - {url: "{{receiver}}node/{{nodeId}}", method: POST, dataset: all, content-type: json, token: {{lab.CallbackTokenDescription}}}
        actions:
        - deploy:
            to: tmpfs
            os: oe
            images:
              kernel: {url: "file://{{bzImage}}", image_arg: '-kernel {kernel} -append "console=ttyS0,115200 root=/dev/ram0"'}
              ramdisk: {url: "file://{{lab.Rootfs}}", image_arg: '-initrd {ramdisk}', compression: gz, format: cpio.newc, overlays: {lava: true} }
        - boot: {method: qemu, media: tmpfs, prompts: ['/ # ']}
        - test:
            definitions:
            - from: inline
              name: smoke
              path: inline/smoke.yaml
              repository:
                metadata: {format: Lava-Test Test Definition 1.0, name: smoke, description: lava-lab test}
                run:
                  steps:
                  - lava-test-case proc-version --shell grep -q Linux /proc/version
                  - lava-test-case expected-fail --shell false
        """;
}
