using System.Text;

namespace KernelCI.Kcidb.Tests.Schema;

/// <summary>Large v5.3 documents shaped like Maestro's test submissions.</summary>
internal static class RealisticDocuments
{
    public static string Tests(int count)
    {
        var json = new StringBuilder("""{"version": {"major": 5, "minor": 3}, "tests": [""");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append($$"""
                {"id": "maestro:67a1b2c3d4e5f6a7b8{{i:x8}}", "origin": "maestro", "build_id": "maestro:67a1b2c3d4e5f6a7b8c9d0{{i % 97:x2}}",
                 "path": "kselftest.cpufreq.cpufreq_main_sh_{{i % 31}}", "status": "{{(i % 5 == 0 ? "FAIL" : "PASS")}}",
                 "start_time": "2025-02-04T10:11:{{i % 60:d2}}.123456+00:00", "duration": {{i % 300}}.25,
                 "log_url": "https://files.kernelci.org/kselftest-cpufreq-67a1b2c3/{{i}}/log.txt.gz",
                 "environment": {"comment": "Runtime: lava-collabora", "compatible": ["google,juniper-sku16", "google,juniper", "mediatek,mt8183"],
                                 "misc": {"platform": "mt8183-kukui-jacuzzi-juniper-sku16"} },
                 "output_files": [{"name": "lava_log", "url": "https://files.kernelci.org/kselftest-cpufreq-67a1b2c3/{{i}}/lava_log.txt.gz"},
                                  {"name": "test_log", "url": "https://files.kernelci.org/kselftest-cpufreq-67a1b2c3/{{i}}/test_log"}],
                 "misc": {"platform": "mt8183-kukui-jacuzzi-juniper-sku16", "runtime": "lava-collabora", "lab": "lab-collabora", "job_id": "{{14000000 + i}}", "arch": "arm64"} }
                """);
        }

        return json.Append("]}").ToString();
    }
}
