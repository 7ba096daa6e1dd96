using System.Net;

namespace KernelCI.Storage.Tests.Files;

/// <summary>Names with spaces, '+', '#', '&amp;' and non-ASCII letters are stored and served as given on both backends.</summary>
public sealed class KeyCharacterTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Name_with_reserved_and_non_ascii_characters_round_trips(string backend)
    {
        await using var app = await StorageTestApp.StartAsync(backend);
        const string name = "a b+c#d&e=ü.txt";

        (await app.UploadAsync("dir with space", app.Token(), (name, "body"u8.ToArray()))).Dispose();
        using var response = await app.GetAsync("/dir%20with%20space/" + Uri.EscapeDataString(name));
        var listing = await app.Client.GetStringAsync("/v1/list?prefix=" + Uri.EscapeDataString("dir with space/"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("body", await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("dir with space/" + name + "\n", listing);
    }
}
