namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>One line of `git ls-tree -r -t`: a directory, file, symbolic link or submodule of the commit.</summary>
internal readonly record struct TreeEntry(int Mode, string ObjectId, string Path)
{
    public bool IsDirectory => (Mode & 0xF000) == 0x4000 || IsSubmodule;

    public bool IsSubmodule => (Mode & 0xF000) == 0xE000;

    public bool IsSymbolicLink => (Mode & 0xF000) == 0xA000;

    public bool IsRegularFile => (Mode & 0xF000) == 0x8000;
}
