namespace KernelCI.Kcidb.Aggregates;

/// <summary>One key of <c>dash_build_tests</c> (<see cref="AggregateMaintenance.BuildTestsKey"/>), in its column order.</summary>
internal readonly record struct TestDimensionKey(string BuildId, string Origin, int IsBoot, string PathGroup, string Platform, string Compatibles,
    string Lab, string Status);
