namespace KernelCI.Bench.KcidbIngest.Baseline;

/// <summary>A value that is already JSON (misc, file lists), as opposed to a string to be stored as text.</summary>
internal readonly record struct JsonText(string Json);
