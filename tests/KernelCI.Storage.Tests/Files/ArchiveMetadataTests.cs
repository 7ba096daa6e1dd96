using System.Formats.Tar;
using System.Net;
using System.Text;
using KernelCI.Storage.Files;

namespace KernelCI.Storage.Tests.Files;

/// <summary>PAX and GNU metadata entries are read whole into memory by TarReader, so their size is bounded before
/// they are read; so are the entries that cost nothing but time (folders).</summary>
public sealed class ArchiveMetadataTests
{
    private const long HalfGigabyte = 512L * 1024 * 1024;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Half a megabyte on the wire, 512 MiB in its header.
    private static byte[] Oversized(char type) =>
        [.. RawTar.Header(type == 'x' ? "PaxHeaders/evil" : "././@LongLink", type, HalfGigabyte), .. new byte[512 * 1024]];

    [Theory]
    [InlineData('x')]
    [InlineData('g')]
    [InlineData('L')]
    [InlineData('K')]
    public async Task Oversized_metadata_entry_is_refused_with_400_naming_it(char type)
    {
        await using var app = await StorageTestApp.StartAsync();

        using var response = await ArchiveTests.PostArchiveAsync(app, "p", "a.tar", Oversized(type));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("entry 1", body, StringComparison.Ordinal);
        Assert.Contains($"at most {ArchiveUnpacker.MaxMetadataBytes} bytes", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_pax_header_is_refused_before_tar_reader_allocates_it()
    {
        using var reader = new TarReader(new TarMetadataGuard(new MemoryStream(Oversized('x')), ArchiveUnpacker.MaxMetadataBytes));
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.Throws<UploadRejectedException>(() => reader.GetNextEntry());

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 * 1024 * 1024);
    }

    [Fact]
    public async Task Pax_size_record_sets_the_length_of_the_entry_after_it()
    {
        // The file's data holds what looks like an oversized PAX header at its second block: a walk that took the
        // ustar size field (0) instead of the PAX record would stop there.
        await using var app = await StorageTestApp.StartAsync();
        var content = new byte[700];
        RawTar.Header("fake", 'x', HalfGigabyte).CopyTo(content, 0);
        var pax = RawTar.PaxRecord("size", "700");
        byte[] archive = [.. RawTar.Header("PaxHeaders/f", 'x', pax.Length), .. RawTar.Data(pax), .. RawTar.Header("f.bin", '0', 0),
            .. RawTar.Data(content), .. RawTar.Header("g.txt", '0', 2), .. RawTar.Data("ok"u8.ToArray()), .. RawTar.End()];

        using var response = await ArchiveTests.PostArchiveAsync(app, "p", "a.tar", archive);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await (await app.GetAsync("/p/f.bin")).Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal("ok", await (await app.GetAsync("/p/g.txt")).Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Long_names_within_the_limit_are_unpacked()
    {
        await using var app = await StorageTestApp.StartAsync();
        var name = string.Join('/', Enumerable.Repeat(new string('d', 200), 3)) + "/f.txt";
        var archive = TarBuilder.Build([
            new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream("pax"u8.ToArray()) },
            new GnuTarEntry(TarEntryType.RegularFile, "gnu/" + name) { DataStream = new MemoryStream("gnu"u8.ToArray()) },
        ]);

        using var response = await ArchiveTests.PostArchiveAsync(app, "p", "a.tar", archive);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gnu", await (await app.GetAsync("/p/gnu/" + name)).Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Too_many_folders_reject_the_archive()
    {
        await using var app = await StorageTestApp.StartAsync(options: new StorageOptions { MaxArchiveFiles = 3 });
        var archive = TarBuilder.Build(Enumerable.Range(0, 4).Select(i => (TarEntry)new PaxTarEntry(TarEntryType.Directory, $"d{i}/")));

        using var response = await ArchiveTests.PostArchiveAsync(app, "p", "a.tar", archive);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("more than 3 folders", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlong_entry_name_is_shortened_in_the_reply()
    {
        await using var app = await StorageTestApp.StartAsync();
        var name = "../" + new string('a', 100_000);
        var archive = TarBuilder.Build([new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream("x"u8.ToArray()) }]);

        using var response = await ArchiveTests.PostArchiveAsync(app, "p", "a.tar", archive);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(Encoding.UTF8.GetByteCount(await response.Content.ReadAsStringAsync(Cancel)) < 2048);
    }
}
