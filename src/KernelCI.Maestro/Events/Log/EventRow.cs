namespace KernelCI.Maestro.Events.Log;

/// <summary>An event ready to insert: its data and CloudEvent envelope already rendered, so a batch writer only binds strings.</summary>
internal sealed record EventRow(string Channel, string? Owner, string Timestamp, string Data, string Envelope);
