using System.Text.Json;

namespace KernelCI.Kcidb.Submissions;

/// <summary>Checks that a stream of chunks is one well-formed JSON value without holding it whole in memory.</summary>
internal sealed class JsonSyntaxChecker
{
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = 256 });

    // A token cut by a chunk boundary waits in _carry and is read again joined with the next chunk in _joined. Both
    // buffers are reused: copying and allocating every 64 KiB chunk of a 500 MiB body costs more than reading it.
    private byte[] _carry = [];
    private int _carryLength;
    private byte[] _joined = [];
    private bool _complete;

    public string? Error { get; private set; }

    public void Feed(ReadOnlySpan<byte> chunk) => Read(chunk, isFinalBlock: false);

    public bool Finish()
    {
        Read([], isFinalBlock: true);
        if (Error is null && !_complete)
        {
            Error = "the body is not a JSON document: it is empty or ends early";
        }

        return Error is null;
    }

    private void Read(ReadOnlySpan<byte> chunk, bool isFinalBlock)
    {
        if (Error is not null)
        {
            return;
        }

        var input = chunk;
        if (_carryLength > 0)
        {
            var length = _carryLength + chunk.Length;
            if (_joined.Length < length)
            {
                _joined = new byte[Math.Max(length, _joined.Length * 2)];
            }

            _carry.AsSpan(0, _carryLength).CopyTo(_joined);
            chunk.CopyTo(_joined.AsSpan(_carryLength));
            input = _joined.AsSpan(0, length);
        }

        try
        {
            var reader = new Utf8JsonReader(input, isFinalBlock, _state);
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                {
                    _complete = true;
                }
            }

            _state = reader.CurrentState;
            Keep(input[(int)reader.BytesConsumed..]);
            if (reader.BytesConsumed > 0 && reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                _complete = true;
            }
        }
        catch (JsonException e)
        {
            Error = "the body is not valid JSON: " + e.Message;
        }
    }

    private void Keep(ReadOnlySpan<byte> rest)
    {
        if (_carry.Length < rest.Length)
        {
            _carry = new byte[Math.Max(rest.Length, _carry.Length * 2)];
        }

        rest.CopyTo(_carry);
        _carryLength = rest.Length;
    }
}
