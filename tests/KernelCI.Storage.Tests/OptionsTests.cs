namespace KernelCI.Storage.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Unknown_backend_is_refused_naming_the_key()
    {
        var error = Failure(new StorageOptions { Backend = "s3" });

        Assert.Contains("Storage:Backend", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_without_container_is_refused_naming_the_key()
    {
        var options = new StorageOptions { Backend = "azure", Azure = new AzureBlobOptions { Account = "a", Key = "AAAA" } };

        var error = Failure(options);

        Assert.Contains("Storage:Azure:Container", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_key_that_is_not_base64_is_refused()
    {
        var options = new StorageOptions { Backend = "azure", Azure = new AzureBlobOptions { Account = "a", Key = "not base64!", Container = "files" } };

        var error = Failure(options);

        Assert.Contains("Storage:Azure:Key", error, StringComparison.Ordinal);
    }

    [Fact]
    public void User_without_name_is_refused_naming_its_index()
    {
        var options = new StorageOptions { Users = [new StorageUser { Prefixes = [""] }] };

        var error = Failure(options);

        Assert.Contains("Storage:Users:0:Name", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_write_size_over_one_read_chunk_is_refused_naming_the_key()
    {
        var options = new StorageOptions { Transport = new StorageTransportOptions { SingleWriteBytes = 2 * 1024 * 1024 } };

        var error = Failure(options);

        Assert.Contains("Storage:Transport:SingleWriteBytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_io_queue_count_is_refused_naming_the_key()
    {
        var options = new StorageOptions { Transport = new StorageTransportOptions { IOQueueCount = -1 } };

        var error = Failure(options);

        Assert.Contains("Storage:Transport:IOQueueCount", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_content_cache_budget_is_refused_naming_the_key()
    {
        var options = new StorageOptions { ContentCacheBytes = -1 };

        var error = Failure(options);

        Assert.Contains("Storage:ContentCacheBytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_stop_the_start_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => StorageTestApp.StartAsync(options: new StorageOptions { MaxListPage = 0 }));

        Assert.Contains("Storage:MaxListPage", error.Message, StringComparison.Ordinal);
    }

    private static string Failure(StorageOptions options)
    {
        var result = new StorageOptionsValidator().Validate("Storage", options);
        Assert.True(result.Failed);
        return result.FailureMessage;
    }
}
