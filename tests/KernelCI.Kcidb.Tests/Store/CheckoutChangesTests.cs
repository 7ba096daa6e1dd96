using System.Text;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Tests.Store;

/// <summary>The NOTIFY payloads live results travel in: PostgreSQL refuses one of 8000 bytes or more, and that would
/// fail the ingesting transaction, so a batch touching many checkouts is split and an outsized id is left out.</summary>
public sealed class CheckoutChangesTests
{
    [Fact]
    public void Many_checkouts_are_split_into_payloads_under_postgresqls_limit()
    {
        var changes = new CheckoutChanges();
        var ids = Enumerable.Range(0, 2_000).Select(i => $"maestro:checkout-{i:0000}-ü").ToList();

        var payloads = changes.Payloads(ids).ToList();

        Assert.True(payloads.Count > 1);
        Assert.All(payloads, p => Assert.True(Encoding.UTF8.GetByteCount(p) < 8000, $"{Encoding.UTF8.GetByteCount(p)} bytes"));
        Assert.Equal(ids, payloads.SelectMany(p => CheckoutChanges.ReadPayload(p)!.Value.CheckoutIds));
    }

    [Fact]
    public void Checkout_id_too_long_for_any_payload_is_left_out()
    {
        var changes = new CheckoutChanges();

        var payloads = changes.Payloads(["maestro:short", "maestro:" + new string('x', 9_000)]).ToList();

        Assert.Equal(["maestro:short"], CheckoutChanges.ReadPayload(Assert.Single(payloads))!.Value.CheckoutIds);
    }
}
