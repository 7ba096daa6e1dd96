namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>The five KCIDB object types, in the parent-first order the dataset files list them.</summary>
internal enum ObjectKind
{
    Checkout = 1,
    Issue = 2,
    Build = 3,
    Test = 4,
    Incident = 5,
}
