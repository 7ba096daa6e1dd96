using System.Buffers;

namespace KernelCI.Kcidb.Spool;

/// <summary>
/// Checks that a stream of chunks is one well-formed JSON value (RFC 8259) that the ingester and both databases can
/// hold, without holding it in memory: each byte is examined once, whatever the chunks cut, so the check is linear in
/// the body and its state is a few fields, however long one token is. Beyond RFC 8259 it refuses what would only fail
/// later, at ingestion: invalid UTF-8, escaped UTF-16 surrogates without their pair (`\ud800` alone, or a low surrogate
/// alone), and `\u0000`, which PostgreSQL's text and jsonb refuse (upstream's database refuses them too).
/// </summary>
internal sealed class JsonSyntaxChecker
{
    /// <summary>The deepest nesting of objects and arrays accepted, as the ingester's parser is configured.</summary>
    public const int MaxDepth = 256;

    // Inside a string, only these bytes end a run of ordinary content: the closing quote, an escape and the control
    // characters JSON forbids raw. Non-ASCII bytes are ordinary here; UTF-8 is checked over each whole chunk.
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [(byte)'"', (byte)'\\', .. Enumerable.Range(0, 0x20).Select(b => (byte)b)]);

    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);
    private static readonly byte[] True = "true"u8.ToArray();
    private static readonly byte[] False = "false"u8.ToArray();
    private static readonly byte[] Null = "null"u8.ToArray();

    private readonly Utf8Check _utf8 = new();
    private readonly ulong[] _isObject = new ulong[MaxDepth / 64];
    private State _state = State.Value;
    private int _depth;
    private bool _inKey;
    private long _offset;

    // An escape in progress: the \u digits read so far and their value, and whether a high surrogate waits for its low one.
    private int _hexDigits;
    private int _hexValue;
    private bool _highSurrogate;
    private byte[] _literal = [];
    private int _literalIndex;

    public string? Error { get; private set; }

    /// <summary>Bytes handed to the scan so far, counting a byte as often as it is read: the body's length, once each.</summary>
    internal long BytesScanned { get; private set; }

    public void Feed(ReadOnlySpan<byte> chunk)
    {
        if (Error is not null)
        {
            return;
        }

        if (_utf8.Check(chunk, final: false) is { } bad)
        {
            Error = $"the body is not valid UTF-8: an invalid byte sequence at byte {_offset + bad}";
            return;
        }

        Scan(chunk);
        _offset += chunk.Length;
    }

    public bool Finish()
    {
        if (Error is not null)
        {
            return false;
        }

        if (_utf8.Check([], final: true) is not null)
        {
            Error = $"the body is not valid UTF-8: it ends inside a character (at byte {_offset})";
            return false;
        }

        if (_state is State.NumberZero or State.NumberInteger or State.NumberFraction or State.NumberExponent && _depth == 0)
        {
            _state = State.Done;
        }

        if (_state != State.Done)
        {
            Error = "the body is not a JSON document: it is empty or ends early";
        }

        return Error is null;
    }

    private void Scan(ReadOnlySpan<byte> data)
    {
        BytesScanned += data.Length;
        var i = 0;
        while (i < data.Length)
        {
            var state = _state;
            if (state == State.String)
            {
                var stop = data[i..].IndexOfAny(StringStops);
                if (stop < 0)
                {
                    return;
                }

                i += stop;
                var b = data[i++];
                if (b == (byte)'"')
                {
                    _state = _inKey ? State.Colon : _depth == 0 ? State.Done : State.AfterValue;
                    continue;
                }

                if (b != (byte)'\\')
                {
                    Fail($"a control character (0x{b:x2}) must be escaped in a string", _offset + i - 1);
                    return;
                }

                _state = State.Escape;
                continue;
            }

            // The bytes between the strings of compact JSON, taken without the general step's dispatch.
            var next = data[i];
            if (next == (byte)'"' && state <= State.KeyOrClose)
            {
                _inKey = state >= State.Key;
                _state = State.String;
                i++;
                continue;
            }

            if (next == (byte)',' && state == State.AfterValue)
            {
                _state = IsObject(_depth) ? State.Key : State.Value;
                i++;
                continue;
            }

            if (next == (byte)':' && state == State.Colon)
            {
                _state = State.Value;
                i++;
                continue;
            }

            i = Step(data, i);
            if (Error is not null)
            {
                return;
            }
        }
    }

    // One byte (or a run of digits or whitespace) outside a string's plain content; returns where to go on.
    private int Step(ReadOnlySpan<byte> data, int i)
    {
        var b = data[i];
        var at = _offset + i;
        switch (_state)
        {
            case State.Escape:
                StepEscape(b, at);
                return i + 1;
            case State.Unicode:
                StepUnicode(b, at);
                return i + 1;
            case State.LowSurrogateEscape:
                if (b != (byte)'\\')
                {
                    LoneSurrogate(at);
                }

                _state = State.LowSurrogateU;
                return i + 1;
            case State.LowSurrogateU:
                if (b != (byte)'u')
                {
                    LoneSurrogate(at);
                }

                _hexDigits = 0;
                _hexValue = 0;
                _state = State.Unicode;
                return i + 1;
            case State.Literal:
                if (b != _literal[_literalIndex++])
                {
                    Fail("unexpected character in a literal (true, false or null)", at);
                }
                else if (_literalIndex == _literal.Length)
                {
                    EndValue();
                }

                return i + 1;
            case >= State.NumberMinus and <= State.NumberExponent:
                return StepNumber(data, i);
        }

        if (Whitespace.Contains(b))
        {
            var run = data[i..].IndexOfAnyExcept(Whitespace);
            return run < 0 ? data.Length : i + run;
        }

        switch (_state)
        {
            case State.Value or State.ValueOrClose:
                if (b == (byte)']' && _state == State.ValueOrClose)
                {
                    Close(isObject: false, at);
                }
                else
                {
                    StartValue(b, at);
                }

                break;
            case State.Key or State.KeyOrClose:
                if (b == (byte)'"')
                {
                    _inKey = true;
                    _state = State.String;
                }
                else if (b == (byte)'}' && _state == State.KeyOrClose)
                {
                    Close(isObject: true, at);
                }
                else
                {
                    Fail("expected a property name in double quotes", at);
                }

                break;
            case State.Colon:
                if (b != (byte)':')
                {
                    Fail("expected ':' after a property name", at);
                }

                _state = State.Value;
                break;
            case State.AfterValue:
                if (b == (byte)',')
                {
                    _state = IsObject(_depth) ? State.Key : State.Value;
                }
                else if (b is (byte)']' or (byte)'}')
                {
                    Close(isObject: b == (byte)'}', at);
                }
                else
                {
                    Fail("expected ',' or the end of the object or array", at);
                }

                break;
            default:
                Fail("unexpected data after the end of the JSON document", at);
                break;
        }

        return i + 1;
    }

    private void StartValue(byte b, long at)
    {
        switch (b)
        {
            case (byte)'{' or (byte)'[':
                if (_depth == MaxDepth)
                {
                    Fail($"objects and arrays are nested deeper than {MaxDepth}", at);
                    return;
                }

                _depth++;
                SetObject(_depth, b == (byte)'{');
                _state = b == (byte)'{' ? State.KeyOrClose : State.ValueOrClose;
                break;
            case (byte)'"':
                _inKey = false;
                _state = State.String;
                break;
            case (byte)'-':
                _state = State.NumberMinus;
                break;
            case (byte)'0':
                _state = State.NumberZero;
                break;
            case >= (byte)'1' and <= (byte)'9':
                _state = State.NumberInteger;
                break;
            case (byte)'t' or (byte)'f' or (byte)'n':
                _literal = b == (byte)'t' ? True : b == (byte)'f' ? False : Null;
                _literalIndex = 1;
                _state = State.Literal;
                break;
            default:
                Fail("expected a value", at);
                break;
        }
    }

    private void Close(bool isObject, long at)
    {
        if (_depth == 0 || IsObject(_depth) != isObject)
        {
            Fail(isObject ? "'}' does not close an object" : "']' does not close an array", at);
            return;
        }

        _depth--;
        EndValue();
    }

    private void EndValue() => _state = _depth == 0 ? State.Done : State.AfterValue;

    private void StepEscape(byte b, long at)
    {
        switch (b)
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                _state = State.String;
                break;
            case (byte)'u':
                _hexDigits = 0;
                _hexValue = 0;
                _state = State.Unicode;
                break;
            default:
                Fail("invalid escape sequence in a string", at);
                break;
        }
    }

    private void StepUnicode(byte b, long at)
    {
        var digit = HexValue(b);
        if (digit < 0)
        {
            Fail("invalid \\u escape: four hexadecimal digits expected", at);
            return;
        }

        _hexValue = (_hexValue << 4) | digit;
        if (++_hexDigits < 4)
        {
            return;
        }

        var isHigh = _hexValue is >= 0xD800 and <= 0xDBFF;
        var isLow = _hexValue is >= 0xDC00 and <= 0xDFFF;
        // A low surrogate must follow a high one at once, and only then.
        if (_highSurrogate != isLow)
        {
            LoneSurrogate(at);
            return;
        }

        if (_hexValue == 0)
        {
            Fail("a string holds \\u0000 (NUL), which the database cannot store", at - 5);
            return;
        }

        _highSurrogate = isHigh;
        _state = isHigh ? State.LowSurrogateEscape : State.String;
    }

    private void LoneSurrogate(long at) =>
        Fail("a string holds an escaped UTF-16 surrogate without its pair (e.g. \\ud800 alone), which is not a character", at);

    private int StepNumber(ReadOnlySpan<byte> data, int i)
    {
        var b = data[i];
        var isDigit = b is >= (byte)'0' and <= (byte)'9';
        switch (_state)
        {
            case State.NumberMinus:
                _state = b == (byte)'0' ? State.NumberZero : isDigit ? State.NumberInteger : Invalid(i);
                return i + 1;
            case State.NumberInteger or State.NumberFraction or State.NumberExponent when isDigit:
                var run = data[(i + 1)..].IndexOfAnyExceptInRange((byte)'0', (byte)'9');
                return run < 0 ? data.Length : i + 1 + run;
            case State.NumberZero or State.NumberInteger when b == (byte)'.':
                _state = State.NumberDot;
                return i + 1;
            case State.NumberZero or State.NumberInteger or State.NumberFraction when b is (byte)'e' or (byte)'E':
                _state = State.NumberE;
                return i + 1;
            case State.NumberDot:
                _state = isDigit ? State.NumberFraction : Invalid(i);
                return i + 1;
            case State.NumberE:
                _state = isDigit ? State.NumberExponent : b is (byte)'+' or (byte)'-' ? State.NumberSign : Invalid(i);
                return i + 1;
            case State.NumberSign:
                _state = isDigit ? State.NumberExponent : Invalid(i);
                return i + 1;
            default:
                // The number ended before this byte, which is read again as what follows a value.
                if (isDigit)
                {
                    Fail("a number has a leading zero", _offset + i);
                    return i + 1;
                }

                EndValue();
                return i;
        }

        State Invalid(int at)
        {
            Fail("invalid number", _offset + at);
            return _state;
        }
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private bool IsObject(int depth) => (_isObject[(depth - 1) >> 6] & (1UL << ((depth - 1) & 63))) != 0;

    private void SetObject(int depth, bool isObject)
    {
        ref var word = ref _isObject[(depth - 1) >> 6];
        var bit = 1UL << ((depth - 1) & 63);
        word = isObject ? word | bit : word & ~bit;
    }

    private void Fail(string message, long at) => Error ??= $"the body is not valid JSON: {message} (at byte {at})";

    private enum State : byte
    {
        Value,
        ValueOrClose,
        Key,
        KeyOrClose,
        Colon,
        AfterValue,
        Done,
        String,
        Escape,
        Unicode,
        LowSurrogateEscape,
        LowSurrogateU,
        Literal,
        NumberMinus,
        NumberZero,
        NumberInteger,
        NumberDot,
        NumberFraction,
        NumberE,
        NumberSign,
        NumberExponent,
    }
}
