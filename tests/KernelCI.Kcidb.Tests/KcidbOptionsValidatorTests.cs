namespace KernelCI.Kcidb.Tests;

public sealed class KcidbOptionsValidatorTests
{
    [Fact]
    public void Negative_transaction_bytes_is_refused_naming_the_option()
    {
        var error = Assert.Throws<InvalidOperationException>(() => KcidbOptionsValidator.ThrowIfInvalid(new KcidbOptions { TransactionBytes = -1 }));

        Assert.Contains("Kcidb:TransactionBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_transaction_bytes_is_accepted()
    {
        Assert.Null(Record.Exception(() => KcidbOptionsValidator.ThrowIfInvalid(new KcidbOptions { TransactionBytes = 0 })));
    }
}
