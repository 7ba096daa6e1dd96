namespace KernelCI.Maestro.Nodes;

/// <summary>One `field__op=value` term; the value is a string, long, bool, null, or a list of strings for in/nin.</summary>
internal sealed record FilterCondition(string Field, string Operator, object? Value);
