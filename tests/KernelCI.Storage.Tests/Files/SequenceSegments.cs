using System.Buffers;

namespace KernelCI.Storage.Tests.Files;

/// <summary>A buffer cut into the given pieces, as a pipe hands out bytes that arrived in several reads.</summary>
internal sealed class SequenceSegments : ReadOnlySequenceSegment<byte>
{
    private SequenceSegments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Split(byte[] bytes, params int[] cuts)
    {
        var first = new SequenceSegments(bytes.AsMemory(0, cuts.Length > 0 ? cuts[0] : bytes.Length), 0);
        var last = first;
        for (var i = 0; i < cuts.Length; i++)
        {
            var end = i + 1 < cuts.Length ? cuts[i + 1] : bytes.Length;
            var next = new SequenceSegments(bytes.AsMemory(cuts[i], end - cuts[i]), cuts[i]);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>One segment per byte: every possible straddle at once.</summary>
    public static ReadOnlySequence<byte> Bytewise(byte[] bytes) => Split(bytes, [.. Enumerable.Range(1, Math.Max(0, bytes.Length - 1))]);
}
