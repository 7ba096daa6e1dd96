using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;

namespace KernelCI.Pipeline.Tests.Runtimes.Shell;

/// <summary>A fake kernel whose Makefile really compiles out of tree with make's own timestamp rules: one "object" per
/// source file (every *.c present), the "image" their concatenation, each compile logged as `CC name.o`, a `#error`
/// line a compile error and an object holding STALE a link error.</summary>
internal static class FakeKernel
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static readonly string Makefile = """
        OBJS := $(patsubst %.c,$(O)/%.o,$(sort $(wildcard *.c)))
        .PHONY: tinyconfig olddefconfig bzImage
        tinyconfig olddefconfig:
        	echo CONFIG_FAKE=y > $(O)/.config
        $(O)/%.o: %.c
        	@echo CC $*.o
        	@if grep -q '#error' $<; then echo "$<:1:2: error: $$(cat $<)"; exit 1; fi
        	cp $< $@
        bzImage: $(OBJS)
        	@if grep -l STALE $(OBJS); then echo "ld: stale object"; exit 1; fi
        	mkdir -p $(O)/arch/x86/boot && cat $(OBJS) > $(O)/arch/x86/boot/bzImage

        """.Replace("\r", "", StringComparison.Ordinal);

    /// <summary>Runs a tinyconfig kbuild of <paramref name="checkout"/> on the shell runtime, its tarball at
    /// <paramref name="tarballUrl"/>; returns the finished node and its build log.</summary>
    public static async Task<(MaestroNode Node, string Log)> BuildAsync(RuntimeHarness harness, MaestroNode checkout, string tarballUrl)
    {
        var node = await harness.ChildAsync(checkout, "kbuild", "kbuild-gcc-x86", new JsonObject { ["platform"] = "kubernetes", ["runtime"] = "local-shell" });
        var parameters = new JsonObject { ["arch"] = "x86_64", ["compiler"] = "gcc", ["defconfig"] = "tinyconfig" };
        var request = new JobRequest(node, new JobConfig("kbuild-gcc-x86", "kbuild", "kbuild.jinja2", null, parameters, Rules.None),
            RuntimeHarness.QemuX86, parameters, new Dictionary<string, string> { ["tarball"] = tarballUrl });
        var (_, built) = await harness.RunAsync(harness.Runtime("shell", "local-shell"), request, Limit);
        using var input = new GZipStream(new MemoryStream(await harness.DownloadAsync(built.Artifacts["build_log"])), CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.UTF8);
        return (built, await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
    }
}
