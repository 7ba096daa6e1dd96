using KernelCI.Kcidb.Spool;

namespace KernelCI.Kcidb.Tests.Spool;

/// <summary>At start, what interrupted uploads left in the spool goes; nothing of an upload in flight, nor anything ready.</summary>
public sealed class SpoolCleanupTests : IDisposable
{
    private static readonly DateTime Started = DateTime.UtcNow;
    private readonly SubmissionSpool _spool = new(Directory.CreateTempSubdirectory("kernelci-spool-").FullName);

    private string Put(string name, DateTime written)
    {
        var path = Path.Combine(_spool.Root, name);
        File.WriteAllText(path, "{}");
        File.SetLastWriteTimeUtc(path, written);
        return path;
    }

    [Fact]
    public void Temp_body_and_meta_without_body_from_before_the_start_are_removed()
    {
        var temp = Put("submission-a.json.temp", Started.AddHours(-1));
        var orphan = Put("submission-b.meta.json", Started.AddHours(-1));
        var tempMeta = Put("submission-a.meta.json", Started.AddHours(-1));

        Assert.Equal(3, _spool.RemoveAbandoned(Started));

        Assert.False(File.Exists(temp));
        Assert.False(File.Exists(orphan));
        Assert.False(File.Exists(tempMeta));
    }

    [Fact]
    public void Ready_submission_and_its_meta_are_kept()
    {
        var body = Put("submission-c.json", Started.AddHours(-1));
        var meta = Put("submission-c.meta.json", Started.AddHours(-1));

        _spool.RemoveAbandoned(Started);

        Assert.True(File.Exists(body));
        Assert.True(File.Exists(meta));
    }

    [Fact]
    public void Upload_begun_after_the_start_is_kept()
    {
        var temp = Put("submission-d.json.temp", Started.AddSeconds(1));
        var meta = Put("submission-e.meta.json", Started.AddSeconds(1));

        _spool.RemoveAbandoned(Started);

        Assert.True(File.Exists(temp));
        Assert.True(File.Exists(meta));
    }

    [Fact]
    public void Upload_still_written_by_another_process_is_kept()
    {
        var temp = Put("submission-f.json.temp", Started.AddHours(-1));
        // As Spool.WriteAsync holds it while the body streams in.
        using var upload = new FileStream(temp, FileMode.Open, FileAccess.Write, FileShare.Read);

        Assert.Equal(0, _spool.RemoveAbandoned(Started));

        Assert.True(File.Exists(temp));
    }

    public void Dispose() => Directory.Delete(_spool.Root, recursive: true);
}
