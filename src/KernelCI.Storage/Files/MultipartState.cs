namespace KernelCI.Storage.Files;

/// <summary>Where <see cref="MultipartPipeReader"/> is in the body.</summary>
internal enum MultipartState
{
    /// <summary>Before the first boundary.</summary>
    Preamble,

    /// <summary>Just after a boundary: the closing "--" or the next part's headers follow.</summary>
    Boundary,

    /// <summary>In a part's body.</summary>
    Body,

    /// <summary>After the closing boundary.</summary>
    Done,
}
