namespace KernelCI.ServiceDefaults.Tests;

public sealed class LocalServicesTests
{
    [Fact]
    public void Service_nobody_published_is_not_found() => Assert.Null(new LocalServices().Find<IDisposable>());

    [Fact]
    public void Published_service_is_found_by_its_type()
    {
        var local = new LocalServices();
        var published = new MemoryStream();

        local.Publish<IDisposable>(published);

        Assert.Same(published, local.Find<IDisposable>());
    }
}
