using static KernelCI.Kcidb.Tests.Schema.Documents;

namespace KernelCI.Kcidb.Tests.Schema;

// python-jsonschema's email check only asks for an "@", and upstream validates with it.
public sealed class EmailFormatTests
{
    [Fact]
    public void Message_id_with_an_at_sign_is_accepted()
    {
        Assert.True(Process(WithCheckout("\"message_id\": \"<20240101.123@lore.kernel.org>\"")).IsValid);
    }

    [Fact]
    public void Message_id_without_an_at_sign_is_rejected()
    {
        AssertSingleError(Process(WithCheckout("\"message_id\": \"nobody\"")), "checkouts[0].message_id: \"nobody\" is not a valid email");
    }
}
