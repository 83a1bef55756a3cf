using System.IO.Hashing;
using System.Text;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>Buffered writes of the <see cref="IndexFile"/> layout, hashing what it writes.</summary>
internal sealed class IndexFileWriter(Stream stream, int bufferSize)
{
    private readonly byte[] _buffer = new byte[bufferSize];
    private readonly XxHash3 _hash = new();
    private long _flushed;
    private int _length;

    public void Byte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    public void UInt32(uint value)
    {
        Ensure(4);
        BitConverter.TryWriteBytes(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    public void Int32(int value) => UInt32((uint)value);

    public void UInt64(ulong value)
    {
        Ensure(8);
        BitConverter.TryWriteBytes(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    /// <summary>Bytes written so far.</summary>
    public long Position => _flushed + _length;

    public void Varint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_length++] = (byte)value;
    }

    public void String(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        Varint((ulong)length);
        if (length > _buffer.Length - 10)
        {
            Flush();
            var bytes = Encoding.UTF8.GetBytes(value);
            _hash.Append(bytes);
            stream.Write(bytes);
            _flushed += bytes.Length;
            return;
        }

        Ensure(length);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    public void Strings(IReadOnlyList<string> values)
    {
        Varint((ulong)values.Count);
        foreach (var value in values)
        {
            String(value);
        }
    }

    /// <summary>Writes the offset of the state section, then the checksum of everything before it.</summary>
    public void Finish(long stateOffset)
    {
        UInt64((ulong)stateOffset);
        Flush();
        Span<byte> checksum = stackalloc byte[sizeof(ulong)];
        BitConverter.TryWriteBytes(checksum, _hash.GetCurrentHashAsUInt64());
        stream.Write(checksum);
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Flush();
        }
    }

    private void Flush()
    {
        _hash.Append(_buffer.AsSpan(0, _length));
        stream.Write(_buffer, 0, _length);
        _flushed += _length;
        _length = 0;
    }
}
