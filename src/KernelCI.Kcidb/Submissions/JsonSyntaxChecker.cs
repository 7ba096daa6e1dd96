using System.Text.Json;

namespace KernelCI.Kcidb.Submissions;

/// <summary>Checks that a stream of chunks is one well-formed JSON value without holding it whole in memory.</summary>
internal sealed class JsonSyntaxChecker
{
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = 256 });
    private byte[] _carry = [];
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

        byte[] buffer;
        if (_carry.Length > 0)
        {
            buffer = new byte[_carry.Length + chunk.Length];
            _carry.CopyTo(buffer, 0);
            chunk.CopyTo(buffer.AsSpan(_carry.Length));
        }
        else
        {
            buffer = chunk.ToArray();
        }

        try
        {
            var reader = new Utf8JsonReader(buffer, isFinalBlock, _state);
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                {
                    _complete = true;
                }
            }

            _state = reader.CurrentState;
            _carry = buffer[(int)reader.BytesConsumed..];
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
}
