using System.Net;

namespace KernelCI.Storage.Tests.Files;

public sealed class ListingMarkerTests
{
    [Theory]
    [MemberData(nameof(StorageTestApp.Backends), MemberType = typeof(StorageTestApp))]
    public async Task Marker_with_control_characters_returns_400_not_a_backend_error(string backend)
    {
        await using var app = await StorageTestApp.StartAsync(backend);
        (await app.UploadAsync("p", app.Token(), ("a.txt", "x"u8.ToArray()))).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.BadRequest, (await app.GetAsync("/v1/list?prefix=p/&marker=%1b%5b31m")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.GetAsync("/p/?marker=%00")).StatusCode);
    }
}
