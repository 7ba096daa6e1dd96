using System.Text;

namespace KernelCI.Pipeline.Runtimes.Qemu;

/// <summary>The guest's /init (busybox sh): mounts proc/sys/dev, prints the `/ #` prompt marker the log parser takes as
/// a login, runs the tests (each from its own /kci/tests/N.sh) wrapped in LAVA signals, lists the kernel's
/// crit/alert/emerg messages (`dmesg -r`), and powers off with `reboot -f` (QEMU runs with -no-reboot).</summary>
internal static class InitScript
{
    public const string DoneMarker = "kernelci: job done";

    public static string Render(TestDefinition definition)
    {
        var s = new StringBuilder();
        s.Append("#!/bin/sh\n");
        s.Append("/bin/busybox --install -s /bin\n");
        s.Append("export PATH=/bin HOME=/root\n");
        s.Append("mount -t proc proc /proc\n");
        s.Append("mount -t sysfs sysfs /sys\n");
        s.Append("mount -t devtmpfs devtmpfs /dev 2>/dev/null\n");
        s.Append("mkdir -p /tmp /root\n");
        s.Append("cd /root\n");
        s.Append("echo\n");
        s.Append("echo '/ # echo Hello World!'\n");
        s.Append("echo 'Hello World!'\n");
        if (definition.Tests.Count > 0)
        {
            var run = "1_" + definition.Suite;
            s.Append($"echo '<LAVA_SIGNAL_STARTRUN {run} kci>'\n");
            for (var i = 0; i < definition.Tests.Count; i++)
            {
                var test = definition.Tests[i];
                if (test.Ktap)
                {
                    s.Append($"echo '<LAVA_SIGNAL_TESTSET START {test.Name}>'\n");
                    s.Append($"sh /kci/tests/{i}.sh\n");
                    s.Append("echo '<LAVA_SIGNAL_TESTSET STOP>'\n");
                }
                else
                {
                    s.Append($"echo '<LAVA_SIGNAL_STARTTC {test.Name}>'\n");
                    s.Append($"if sh /kci/tests/{i}.sh; then result=pass; else result=fail; fi\n");
                    s.Append($"echo '<LAVA_SIGNAL_ENDTC {test.Name}>'\n");
                    s.Append($"echo \"<LAVA_SIGNAL_TESTCASE TEST_CASE_ID={test.Name} RESULT=$result>\"\n");
                }
            }

            s.Append($"echo '<LAVA_SIGNAL_ENDRUN {run} kci>'\n");
        }

        s.Append("dmesg -r 2>/dev/null | grep '^<[0-2]>' || true\n");
        s.Append($"echo '{DoneMarker}'\n");
        s.Append("sync\n");
        s.Append("reboot -f\n");
        return s.ToString();
    }
}
