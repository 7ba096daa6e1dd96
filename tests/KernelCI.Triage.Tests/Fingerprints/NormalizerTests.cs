using KernelCI.Triage.Fingerprints;

namespace KernelCI.Triage.Tests.Fingerprints;

public sealed class NormalizerTests
{
    [Fact]
    public void Printk_timestamp_is_removed()
    {
        Assert.Equal("rcu: INFO: x", Normalizer.Text("[   12.345678] rcu: INFO: x"));
    }

    [Fact]
    public void Function_offsets_are_removed()
    {
        Assert.Equal("at foo_probe [foo]", Normalizer.Text("at foo_probe+0x1c/0x40 [foo]"));
    }

    [Fact]
    public void Hex_values_and_bare_addresses_are_replaced()
    {
        Assert.Equal("address 0x_ at _", Normalizer.Text("address 0xdffffc0000000002 at ffff888003c1e000"));
    }

    [Fact]
    public void Cpu_numbers_and_pids_are_replaced()
    {
        Assert.Equal("CPU: _ PID: _ CPU#_", Normalizer.Text("CPU: 3 PID: 977 CPU#1"));
    }

    [Fact]
    public void Comm_and_pid_in_brackets_are_replaced()
    {
        Assert.Equal("stuck for _s! [_]", Normalizer.Text("stuck for 26s! [kworker/0:3:12]"));
    }

    [Fact]
    public void Temporary_paths_are_replaced()
    {
        Assert.Equal("/usr/bin/ld: /tmp/_: in function", Normalizer.Text("/usr/bin/ld: /tmp/ccZQUOuD.o: in function"));
    }

    [Fact]
    public void Gcc_quotes_are_written_as_clang_quotes()
    {
        Assert.Equal("unused variable 'x'", Normalizer.Text("unused variable ‘x’"));
    }

    [Fact]
    public void Die_counter_is_replaced()
    {
        Assert.Equal("Oops: 0000 [#_] PREEMPT SMP", Normalizer.Text("Oops: 0000 [#2] PREEMPT SMP"));
    }

    [Fact]
    public void Symbol_loses_its_offset_and_module()
    {
        Assert.Equal("triage_demo_probe", Normalizer.Function("triage_demo_probe+0x1c/0x40 [triage_demo]"));
    }

    [Fact]
    public void Comm_numbers_are_replaced()
    {
        Assert.Equal("kworker/u_:_", Normalizer.Comm("kworker/u4:1"));
    }
}
