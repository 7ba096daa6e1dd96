using System.Text;

namespace KernelCI.Pipeline.Runtimes.Qemu;

/// <summary>Writes a cpio archive in the "newc" format the kernel unpacks as initramfs. Written here rather than with
/// cpio(1) so that device nodes (/dev/console, which init needs before devtmpfs is mounted) need no privileges.</summary>
internal sealed class CpioWriter(Stream output)
{
    private const int Directory = 0x4000;
    private const int RegularFile = 0x8000;
    private const int SymbolicLink = 0xA000;
    private const int CharacterDevice = 0x2000;
    private int _inode = 300000;

    public void AddDirectory(string name) => Write(name, Directory | 0x1ED, [], 0, 0);

    public void AddFile(string name, byte[] content, bool executable) => Write(name, RegularFile | (executable ? 0x1ED : 0x1A4), content, 0, 0);

    public void AddSymlink(string name, string target) => Write(name, SymbolicLink | 0x1FF, Encoding.UTF8.GetBytes(target), 0, 0);

    public void AddCharacterDevice(string name, int major, int minor) => Write(name, CharacterDevice | 0x180, [], major, minor);

    public void Finish() => Write("TRAILER!!!", 0, [], 0, 0, inode: 0);

    private void Write(string name, int mode, byte[] data, int rdevMajor, int rdevMinor, int? inode = null)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name.TrimStart('/') + "\0");
        var header = new StringBuilder("070701");
        foreach (var field in new long[]
        {
            inode ?? _inode++, mode, 0, 0, (mode & 0xF000) == Directory ? 2 : 1, 0,
            data.Length, 0, 0, rdevMajor, rdevMinor, nameBytes.Length, 0,
        })
        {
            header.Append(field.ToString("X8", System.Globalization.CultureInfo.InvariantCulture));
        }

        var headerBytes = Encoding.ASCII.GetBytes(header.ToString());
        output.Write(headerBytes);
        output.Write(nameBytes);
        Pad(headerBytes.Length + nameBytes.Length);
        output.Write(data);
        Pad(data.Length);
    }

    private void Pad(int length)
    {
        for (var i = length; i % 4 != 0; i++)
        {
            output.WriteByte(0);
        }
    }
}
