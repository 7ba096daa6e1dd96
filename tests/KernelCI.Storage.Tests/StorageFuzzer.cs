using System.Net.Sockets;
using System.Text;
using KernelCI.Storage.Tests.Files;

namespace KernelCI.Storage.Tests;

/// <summary>Malformed requests for the storage API, drawn from a seeded Random: raw HTTP over a socket, so nothing
/// between the test and Kestrel normalises or refuses them first. Never touches keys under `keep/`.</summary>
internal sealed class StorageFuzzer(StorageTestApp app, Random random)
{
    private static readonly string[] OddNames =
    [
        "..", "../x", "x/../../etc/passwd", "%2e%2e/x", "%252e%252e/x", ".%2e/x", "/abs", "//abs", "a//b", "a/./b", ".", "a\\b", "C:x",
        "%00", "a%00b", "%0a", "a%0d%0ab", "%1b[31m", "a%7fb", "%c2%85", "%", "%zz", "%%2e", "a b", "a?b", "a#b", "a;b", "a+b",
        new string('n', 255), new string('n', 256), new string('n', 4000), string.Concat(Enumerable.Repeat("é", 128)),
        string.Join('/', Enumerable.Repeat("a", 300)), string.Join('/', Enumerable.Repeat(new string('d', 250), 5)),
        "日本語/ファイル", "emoji-\U0001F600", "rtl-\u202e-txt", "tab\tname", "new\nline", "esc\u001b[2J", "ok.txt", "dir/ok.bin", "",
    ];

    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "FOO", "get", "G\u00e9T"];

    private static readonly string[] ArchiveNames = ["a.tar", "a.tar.gz", "a.tgz", "a.tar.xz", "a.txz", "a.tar.zst", "a.tzst", "a.zip", "a", "", ".tar", "a.TAR.GZ"];

    private static readonly string[] RangeValues =
    [
        "bytes=0-0", "bytes=-1", "bytes=-0", "bytes=5-2", "bytes=999999999999999999999-", "bytes=-99999999999999999999", "bytes=0-1,2-3",
        "bytes=", "bytes", "items=0-1", "bytes=a-b", "bytes=-", "bytes= 1 - 2 ", "bytes=18446744073709551615-", "bytes=0-18446744073709551616",
        "bytes=1-", "bytes=100000-", "bytes=300000-", "bytes=5-", "bytes=9999999-", "\u00e9", new string('9', 5000),
    ];

    public async Task<(string What, int Status)> NextAsync(int index)
    {
        return random.Next(10) switch
        {
            9 => await RangeAsync(),
            0 => await UploadAsync(index),
            1 => await MalformedMultipartAsync(),
            2 => await ArchiveAsync(index),
            3 => await DownloadAsync(),
            4 => await ListAsync(),
            5 => await BrowseAsync(),
            6 => await CheckAuthAsync(),
            7 => await OddMethodAsync(),
            _ => await GarbageAsync(),
        };
    }

    private string Pick(string[] values) => values[random.Next(values.Length)];

    private string Name() => random.Next(4) == 0 ? $"fuzz-{random.Next(1000)}.txt" : Pick(OddNames);

    // Under fuzz/ unless it is meant to escape: traversal forms are refused, so they never reach keep/.
    private string PathField() => random.Next(3) switch
    {
        0 => "fuzz/" + Name(),
        1 => Name(),
        _ => "/fuzz",
    };

    private string Token() => random.Next(10) switch
    {
        0 or 1 or 2 or 3 => "Bearer " + app.Token(),
        4 => app.Token(),
        5 => "Bearer " + app.Token()[..^3] + "abc",
        6 => "Bearer " + app.Token(expires: DateTimeOffset.UtcNow.AddDays(-1)),
        7 => "Bearer " + Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Base64Url("{\"email\":\"x@y\"}") + ".",
        8 => Pick(["", "Bearer", "Bearer a b", "Bearer ...", "Token " + new string('a', 10_000), "Bearer \u00e9.\u00e9.\u00e9", "Basic dXNlcjpwYXNz"]),
        _ => "Bearer " + Base64Url(RandomText(20)) + "." + Base64Url(RandomText(30)) + "." + Base64Url(RandomText(10)),
    };

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private string RandomText(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(1, 0x250))]);

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private async Task<(string, int)> UploadAsync(int index)
    {
        var boundary = "b" + random.Next();
        var body = new MemoryStream();
        var parts = random.Next(0, 4);
        if (random.Next(4) != 0)
        {
            Part(body, boundary, "form-data; name=\"path\"", Encoding.UTF8.GetBytes(PathField()));
        }

        for (var i = 0; i < parts; i++)
        {
            var name = random.Next(5) == 0 ? Pick(["file", "fileX", "file01", "path", "archive"]) : "file" + i;
            var disposition = random.Next(4) switch
            {
                0 => $"form-data; name=\"{name}\"; filename*=UTF-8''{Uri.EscapeDataString(Name())}",
                1 => $"form-data; name=\"{name}\"",
                _ => $"form-data; name=\"{name}\"; filename=\"{Name().Replace("\"", "", StringComparison.Ordinal)}\"",
            };
            Part(body, boundary, disposition, RandomBytes(random.Next(0, 3000)));
        }

        body.Write(Encoding.ASCII.GetBytes($"--{boundary}--\r\n"));
        var headers = $"Authorization: {Token()}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n";
        if (random.Next(6) == 0)
        {
            headers += $"Content-Type-Upstream: {Pick(["text/plain", "garbage", "a/b; c", "", "x/y; charset=\"\u00e9\""])}\r\n";
        }

        return ($"upload #{index}", await SendAsync("POST", Pick(["/upload", "/v1/file"]), headers, body.ToArray()));
    }

    private static void Part(MemoryStream body, string boundary, string disposition, byte[] content)
    {
        body.Write(Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n"));
        body.Write(content);
        body.Write("\r\n"u8);
    }

    private async Task<(string, int)> MalformedMultipartAsync()
    {
        var boundary = Pick(["x", "", new string('b', 71), "\"quoted\"", "a b", "\u00e9"]);
        var valid = Encoding.ASCII.GetBytes($"--x\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\nfuzz\r\n--x\r\nContent-Disposition: form-data; name=\"file0\"; filename=\"m.txt\"\r\n\r\nhello\r\n--x--\r\n");
        byte[] body = random.Next(6) switch
        {
            0 => valid[..random.Next(valid.Length)],
            1 => [.. valid[..40], .. RandomBytes(200), .. valid[40..]],
            2 => Encoding.ASCII.GetBytes("--x\r\n" + new string('H', 20_000) + "\r\n\r\nbody\r\n--x--\r\n"),
            3 => Encoding.ASCII.GetBytes("--x\r\n: no name\r\n\r\nbody\r\n--x--\r\n"),
            4 => Encoding.ASCII.GetBytes("--x  junk\r\nContent-Disposition: form-data; name=\"file0\"; filename=\"f\"\r\n\r\nabc"),
            _ => RandomBytes(random.Next(0, 5000)),
        };
        var contentType = random.Next(5) switch
        {
            0 => "text/plain",
            1 => "multipart/form-data",
            2 => "multipart/form-data; boundary=",
            3 => "garbage;;;===",
            _ => $"multipart/form-data; boundary={boundary}",
        };
        var path = Pick(["/upload", "/v1/file", "/v1/archive"]);
        return ($"malformed multipart to {path} ({contentType})", await SendAsync("POST", path, $"Authorization: {Token()}\r\nContent-Type: {contentType}\r\n", body));
    }

    private async Task<(string, int)> ArchiveAsync(int index)
    {
        var tar = Tar();
        var fileName = Pick(ArchiveNames);
        byte[] archive = fileName switch
        {
            _ when fileName.EndsWith("gz", StringComparison.OrdinalIgnoreCase) && random.Next(3) > 0 => Truncate(TarBuilder.Gzip(tar)),
            _ when fileName.Contains("xz", StringComparison.Ordinal) && random.Next(3) > 0 => Truncate(TarBuilder.WithTool("xz", tar)),
            _ when fileName.Contains("zst", StringComparison.Ordinal) && random.Next(3) > 0 => Truncate(TarBuilder.WithTool("zstd", tar)),
            _ => tar,
        };
        var boundary = "a" + random.Next();
        var body = new MemoryStream();
        if (random.Next(5) != 0)
        {
            Part(body, boundary, "form-data; name=\"path\"", Encoding.UTF8.GetBytes(PathField()));
        }

        Part(body, boundary, $"form-data; name=\"archive\"; filename=\"{fileName}\"", archive);
        body.Write(Encoding.ASCII.GetBytes($"--{boundary}--\r\n"));
        return ($"archive #{index} {fileName}", await SendAsync("POST", "/v1/archive",
            $"Authorization: {Token()}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n", body.ToArray()));
    }

    private byte[] Truncate(byte[] data) => random.Next(3) == 0 ? data[..random.Next(data.Length)] : data;

    private byte[] Tar()
    {
        var entries = Enumerable.Range(0, random.Next(1, 4)).Select(_ => (Name(), RandomText(random.Next(0, 600)))).Where(e => e.Item1.Length > 0).ToArray();
        byte[] tar;
        try
        {
            tar = entries.Length > 0 ? TarBuilder.Tar(entries) : RawTar.End();
        }
        catch (ArgumentException)
        {
            tar = RawTar.End();
        }

        switch (random.Next(7))
        {
            case 0:
                tar = (byte[])tar.Clone();
                for (var i = 0; i < 8; i++)
                {
                    tar[random.Next(Math.Min(tar.Length, 1536))] = (byte)random.Next(256);
                }

                return tar;
            case 1:
                return tar[..random.Next(tar.Length)];
            case 2:
                return [.. RawTar.Header("h", Pick(["x", "g", "L", "K", "0", "1", "2", "3", "5", "6", "7", "S", "V", "Z"])[0],
                    random.Next(2) == 0 ? random.NextInt64(0, 1L << 33) : random.Next(0, 2000)), .. RandomBytes(random.Next(0, 3000))];
            case 3:
                var pax = Encoding.UTF8.GetBytes(Pick(["5 a=b\n", "99999999 size=1\n", "12 size=-1\n", "13 path=../x\n", "x", "11 size=9999999999999999999\n"]));
                return [.. RawTar.Header("PaxHeaders/f", 'x', pax.Length), .. RawTar.Data(pax), .. RawTar.Header("f", '0', 3), .. RawTar.Data("abc"u8.ToArray()), .. RawTar.End()];
            case 4:
                return RandomBytes(random.Next(0, 4000));
            default:
                return tar;
        }
    }

    private async Task<(string, int)> DownloadAsync()
    {
        var target = random.Next(2) == 0 ? Pick(["/keep/a.txt", "/keep/big.bin", "/keep/sub/c.log", "/keep/", "/keep", "/"]) : "/" + Target(Name());
        var headers = "";
        if (random.Next(3) != 0)
        {
            headers += $"Range: {Pick(RangeValues)}\r\n";
        }

        if (random.Next(4) == 0)
        {
            headers += $"If-Range: {Pick(["\"x\"", "W/\"x\"", "Tue, 01 Jan 2030 00:00:00 GMT", "garbage", ""])}\r\n";
        }

        if (random.Next(4) == 0)
        {
            headers += $"If-None-Match: {Pick(["*", "\"a\", W/\"b\"", "garbage", ",,,", ""])}\r\n";
        }

        if (random.Next(4) == 0)
        {
            headers += $"If-Modified-Since: {Pick(["Tue, 01 Jan 2030 00:00:00 GMT", "yesterday", "0", "Mon, 32 Foo 99999 99:99:99 GMT"])}\r\n";
        }

        if (random.Next(4) == 0)
        {
            headers += $"Accept: text/html\r\nUser-Agent: {Pick(["curl", "esc\u001b[2J", ""])}\r\n";
        }

        var method = random.Next(4) == 0 ? "HEAD" : "GET";
        return ($"{method} {target} [{headers.Replace("\r\n", "; ", StringComparison.Ordinal)}]", await SendAsync(method, target, headers, null));
    }

    private async Task<(string, int)> RangeAsync()
    {
        var target = Pick(["/keep/a.txt", "/keep/big.bin", "/keep/sub/c.log"]);
        var range = Pick(RangeValues);
        return ($"GET {target} Range: {range}", await SendAsync(random.Next(3) == 0 ? "HEAD" : "GET", target, $"Range: {range}\r\n", null));
    }

    // As sent on the request line: encoded, or raw (which Kestrel may refuse itself, with a 400).
    private string Target(string name) => random.Next(3) == 0 ? name : Uri.EscapeDataString(name).Replace("%2F", "/", StringComparison.Ordinal);

    private async Task<(string, int)> ListAsync()
    {
        var query = $"prefix={Target(Name())}&limit={Pick(["1", "0", "-1", "abc", "99999999999", "", "10"])}&marker={Target(Name())}";
        var target = "/v1/list?" + string.Join('&', query.Split('&').Where(_ => random.Next(4) != 0));
        return ($"GET {target}", await SendAsync("GET", target, "", null));
    }

    private async Task<(string, int)> BrowseAsync()
    {
        var target = "/" + Target(Name()) + "/" + (random.Next(2) == 0 ? "?marker=" + Target(Name()) : "");
        return ($"browse {target}", await SendAsync("GET", target, "Accept: text/html\r\n", null));
    }

    private async Task<(string, int)> CheckAuthAsync()
    {
        var token = Token();
        return ($"checkauth {token[..Math.Min(token.Length, 40)]}", await SendAsync("GET", "/v1/checkauth", $"Authorization: {token}\r\n", null));
    }

    private async Task<(string, int)> OddMethodAsync()
    {
        var method = Pick(Methods);
        var target = Pick(["/upload", "/v1/file", "/v1/archive", "/v1/list", "/v1/checkauth", "/keep/a.txt", "/", "/fuzz/x", "*", "/robots.txt", "/metrics"]);
        var body = random.Next(2) == 0 ? RandomBytes(random.Next(0, 500)) : null;
        return ($"{method} {target}", await SendAsync(method, target, $"Authorization: {Token()}\r\n", body));
    }

    private async Task<(string, int)> GarbageAsync()
    {
        var request = Pick([
            "GET /keep/a.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=0-0\r\nRange: bytes=1-1\r\nConnection: close\r\n\r\n",
            "GET / HTTP/1.0\r\n\r\n",
            "GET /%ff%fe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: multipart/form-data; boundary=x\r\nConnection: close\r\n\r\nzz\r\n",
            "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\nConnection: close\r\n\r\n",
            "GET /" + new string('a', 20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /keep/a.txt HTTP/1.1\r\nHost: x\r\nX: " + new string('h', 40_000) + "\r\nConnection: close\r\n\r\n",
            "\r\n\r\nGET /robots.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /x/../../keep/a.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /keep/%2e%2e/keep/a.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        ]);
        return ($"raw {request[..Math.Min(request.Length, 60)].ReplaceLineEndings(" ")}", await SendRawAsync(Encoding.UTF8.GetBytes(request)));
    }

    private Task<int> SendAsync(string method, string target, string headers, byte[]? body)
    {
        var head = $"{method} {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{headers}";
        if (body is not null)
        {
            head += $"Content-Length: {body.Length}\r\n";
        }

        return SendRawAsync([.. Encoding.UTF8.GetBytes(head + "\r\n"), .. body ?? []]);
    }

    /// <summary>The response's status code; 0 when the server closed the connection without one, -1 when it sent
    /// nothing within 10 s.</summary>
    private async Task<int> SendRawAsync(byte[] request)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(app.Client.BaseAddress!.Host, app.Client.BaseAddress.Port, timeout.Token);
        await using var stream = tcp.GetStream();
        try
        {
            await stream.WriteAsync(request, timeout.Token);
        }
        catch (IOException)
        {
            // The server may answer and close before reading a body it refuses; the status line is still there.
        }

        using var reader = new StreamReader(stream, Encoding.Latin1);
        string status;
        try
        {
            status = await reader.ReadLineAsync(timeout.Token) ?? "";
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return -1;
        }

        var fields = status.Split(' ');
        return fields.Length > 1 && int.TryParse(fields[1], out var code) ? code : 0;
    }
}
