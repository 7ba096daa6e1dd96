using KernelCI.Pipeline.Runtimes.Lava.Callback;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava.Callback;

public sealed class TargetLogTests
{
    [Fact]
    public void Only_target_lines_are_kept_with_unprintable_characters_replaced()
    {
        var log = LavaYaml.Log(CallbackPayloads.BootLog);
        Assert.Equal("Linux version 6.1.0 (gcc)\n/ #\nbell? and tab?here\n", TargetLog.Text(log));
    }

    [Fact]
    public void Escape_characters_are_shown_as_caret_bracket_and_NULs_dropped()
    {
        var log = LavaYaml.Log(CallbackPayloads.Log(("target", "\x1b[0mok\0")));
        Assert.Equal("^[[0mok\n", TargetLog.Text(log));
    }

    [Fact]
    public void Messages_that_are_not_text_are_skipped()
    {
        var log = LavaYaml.Log("- {\"dt\": \"x\", \"lvl\": \"results\", \"msg\": {\"case\": \"uname\"}}\n- {\"dt\": \"x\", \"lvl\": \"target\", \"msg\": \"hi\"}\n");
        Assert.Equal("hi", Assert.Single(log).Msg);
    }
}
