using System.Diagnostics;
using KernelCI.Kcidb.Schema;
using static KernelCI.Kcidb.Tests.Schema.Documents;

namespace KernelCI.Kcidb.Tests.Schema;

public sealed class ValidationThroughputTests
{
    private const int Count = 10_000;

    [Fact]
    public void Ten_thousand_realistic_tests_are_valid()
    {
        var root = Parse(RealisticDocuments.Tests(Count));
        KcidbDocuments.Process(root);

        var watch = Stopwatch.StartNew();
        var result = KcidbDocuments.Process(root);
        watch.Stop();

        // Reported for the curious, never asserted: the test machine's load is not ours to control.
        TestContext.Current.TestOutputHelper?.WriteLine($"{Count / watch.Elapsed.TotalSeconds:N0} test objects/s");
        Assert.Empty(result.Errors);
    }
}
