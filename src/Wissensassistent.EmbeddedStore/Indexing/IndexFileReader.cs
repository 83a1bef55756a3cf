using System.Runtime.CompilerServices;
using System.Text;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>Buffered reads of the <see cref="IndexFile"/> layout up to <c>end</c> (the trailer after it is not content); past it, the file is truncated.</summary>
internal sealed class IndexFileReader(Stream stream, int bufferSize, long end)
{
    private readonly byte[] _buffer = new byte[bufferSize];
    private long _consumed;
    private int _position;
    private int _length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Byte()
    {
        if (_position == _length)
        {
            Fill();
        }

        return _buffer[_position++];
    }

    public uint UInt32()
    {
        if (_length - _position >= 4)
        {
            var value = BitConverter.ToUInt32(_buffer, _position);
            _position += 4;
            return value;
        }

        return (uint)(Byte() | (Byte() << 8) | (Byte() << 16) | (Byte() << 24));
    }

    public int Int32() => (int)UInt32();

    public ulong UInt64() => UInt32() | ((ulong)UInt32() << 32);

    public ulong Varint()
    {
        // Most varints are one or two bytes away from the end of the buffer by far.
        if (_length - _position >= 10)
        {
            var buffer = _buffer;
            var position = _position;
            ulong fast = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = buffer[position++];
                fast |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    _position = position;
                    return fast;
                }
            }

            throw new InvalidDataException("Beschädigte Indexdatei.");
        }

        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("Beschädigte Indexdatei.");
    }

    public string String()
    {
        var length = (int)Varint();
        if (length <= _length - _position)
        {
            var text = Encoding.UTF8.GetString(_buffer, _position, length);
            _position += length;
            return text;
        }

        if (length > end)
        {
            throw new InvalidDataException("Beschädigte Indexdatei.");
        }

        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = Byte();
        }

        return Encoding.UTF8.GetString(bytes);
    }

    public string[] Strings()
    {
        var values = new string[(int)Varint()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = String();
        }

        return values;
    }

    private void Fill()
    {
        var remaining = end - _consumed;
        if (remaining <= 0)
        {
            throw new InvalidDataException("Die Indexdatei ist abgeschnitten.");
        }

        _length = stream.Read(_buffer, 0, (int)Math.Min(_buffer.Length, remaining));
        if (_length == 0)
        {
            throw new InvalidDataException("Die Indexdatei ist abgeschnitten.");
        }

        _consumed += _length;
        _position = 0;
    }
}
