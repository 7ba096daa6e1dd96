using KernelCI.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace KernelCI.Kcidb.Tests;

public sealed class KcidbOptionsValidatorTests
{
    private static readonly KcidbOptionsValidator Validator = new();

    [Fact]
    public void Negative_transaction_bytes_is_refused_naming_the_option()
    {
        var result = Validator.Validate("Kcidb", new KcidbOptions { TransactionBytes = -1 });

        Assert.Contains(result.Failures!, f => f.Contains("Kcidb:TransactionBytes", StringComparison.Ordinal));
    }

    [Fact]
    public void Zero_transaction_bytes_is_accepted()
    {
        Assert.True(Validator.Validate("Kcidb", new KcidbOptions { TransactionBytes = 0 }).Succeeded);
    }

    [Fact]
    public void Every_bad_key_is_named_at_once()
    {
        var result = Validator.Validate("Kcidb", new KcidbOptions { MaxSubmissionBytes = 0, BatchFiles = 0 });

        Assert.Contains(result.Failures!, f => f.StartsWith("Kcidb:MaxSubmissionBytes", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Kcidb:BatchFiles", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_key_in_the_configuration_section_is_refused_at_start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Kcidb:TransactionBytes"] = "-1";

        var error = Assert.Throws<OptionsValidationException>(() => builder.AddComponentOptions("Kcidb", null, Validator));

        Assert.Contains("Kcidb:TransactionBytes must be 0 or more", error.Failures);
    }
}
